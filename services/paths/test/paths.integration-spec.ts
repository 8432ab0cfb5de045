import { DEMO_IDS } from '@napl/auth';
import { describePlatformConformance, type TenantFixture, type TestService } from '@napl/testing';
import { PathsConfig } from '../src/paths.config';
import { PATHS_SERVICE } from '../src/paths.description';
import { PathsModule } from '../src/paths.module';

describePlatformConformance({
  description: PATHS_SERVICE,
  configClass: PathsConfig,
  module: (config, auth) => PathsModule.forRoot(config, auth),
  tenantFixture: annesPath,
});

/** Tenant A: docent Anne (school 12AB00) on the first published development path. */
async function annesPath(running: TestService<PathsConfig>): Promise<TenantFixture> {
  const anne = `Bearer ${await running.tokenFor('docent-anne')}`;
  const [listed] = (await running.http().get('/v1/paths').set('Authorization', anne).expect(200)).body as { pathId: string; currentVersion: number }[];
  const path = { id: listed.pathId, currentVersion: listed.currentVersion };
  const version = (await running.http().get(`/v1/paths/${path.id}/versions/${path.currentVersion}`).set('Authorization', anne).expect(200)).body;
  const stepCode: string = version.content.phases[0].steps[0].code;
  const started = await running.http().post('/v1/teacher-paths').set('Authorization', anne).send({ pathId: path.id, sector: 'po' }).expect(201);
  const teacherPathId: string = started.body.teacherPathId;
  return {
    pathParams: { teacherPathId, stepCode, pathId: path.id, version: String(path.currentVersion), teacherId: DEMO_IDS.teacherAnne, schoolId: '12AB00' },
    bodies: {
      'POST /v1/teacher-paths': { pathId: path.id, sector: 'po' },
      'PUT /v1/teachers/{teacherId}/team-view-consent': { given: true },
    },
    shared: {
      'GET /v1/paths/{pathId}': 'the development paths are public',
      'GET /v1/paths/{pathId}/versions/{version}': 'a published path version is public',
    },
    privateIds: [teacherPathId],
  };
}
