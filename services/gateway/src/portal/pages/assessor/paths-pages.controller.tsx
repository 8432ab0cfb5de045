import { randomUUID } from 'node:crypto';
import { Body, Get, NotFoundException, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Principal } from '@napl/auth';
import type { GatewayRequest } from '../../../callers/http/gateway-access.guard';
import { PortalApi } from '../../application/portal-api';
import { formList, formValues } from '../../http/form';
import { PortalPages, principalOf, redirectAfterPost, sendPage } from '../../http/portal-page';
import { isUuid } from '../../http/path-ids';
import type { PathSummary, PathVersion } from './paths-api';
import { errorsOfPathProblem, readNewPath, readStep, withStep } from './paths-form';
import { NewPathPage, PathPage, PathsPage, PathVersionPage } from './paths-pages';

const VERSION = /^[1-9]\d{0,5}$/;

/** The ministry's development paths: the list, a path's versions, a version's phases and steps; new paths, drafts, steps, publishing. */
@PortalPages('ministerie/paden')
export class PathsPagesController {
  constructor(private readonly api: PortalApi) {}

  @Get()
  async list(@Req() request: GatewayRequest, @Res() response: Response): Promise<void> {
    const principal = principalOf(request, 'ministry');
    const paths = await this.api.get<PathSummary[]>(principal, 'paths', '/v1/paths');
    sendPage(request, response, <PathsPage paths={paths} />);
  }

  @Get('nieuw')
  newPath(@Req() request: GatewayRequest, @Res() response: Response): void {
    principalOf(request, 'ministry');
    sendPage(request, response, <NewPathPage idempotencyKey={randomUUID()} />);
  }

  @Post('nieuw')
  async create(@Req() request: GatewayRequest, @Res() response: Response, @Body() body: unknown): Promise<void> {
    const principal = principalOf(request, 'ministry');
    const values = formValues(body);
    const lists = { sectors: formList(body, 'sectors'), competenceAreas: formList(body, 'competenceAreas') };
    const idempotencyKey = isUuid(values.idempotencyKey ?? '') ? values.idempotencyKey : randomUUID();
    const { path, errors } = readNewPath(values, lists.sectors, lists.competenceAreas);
    if (!path) return sendPage(request, response, <NewPathPage values={values} lists={lists} errors={errors} idempotencyKey={idempotencyKey} />, 400);
    const answer = await this.api.send<PathVersion>(principal, 'paths', 'POST', '/v1/paths', path, { idempotencyKey });
    if (!answer.ok) {
      const problemErrors = errorsOfPathProblem(answer.problem, 'code');
      return sendPage(request, response, <NewPathPage values={values} lists={lists} errors={problemErrors} idempotencyKey={idempotencyKey} />, answer.status);
    }
    redirectAfterPost(response, `/ministerie/paden/${answer.body.pathId}/versies/${answer.body.version}`, 'aangemaakt');
  }

  @Get(':pathId')
  async path(@Req() request: GatewayRequest, @Res() response: Response, @Param('pathId') pathId: string, @Query('melding') notice?: string): Promise<void> {
    const principal = principalOf(request, 'ministry');
    if (!isUuid(pathId)) throw new NotFoundException();
    const path = await this.api.get<PathSummary>(principal, 'paths', `/v1/paths/${pathId}`);
    sendPage(request, response, <PathPage path={path} notice={notice} />);
  }

  /** A new draft: a copy of the newest version. */
  @Post(':pathId/versies')
  async newDraft(@Req() request: GatewayRequest, @Res() response: Response, @Param('pathId') pathId: string): Promise<void> {
    const principal = principalOf(request, 'ministry');
    if (!isUuid(pathId)) throw new NotFoundException();
    const answer = await this.api.send<PathVersion>(principal, 'paths', 'POST', `/v1/paths/${pathId}/versions`, {});
    if (!answer.ok) {
      const path = await this.api.get<PathSummary>(principal, 'paths', `/v1/paths/${pathId}`);
      return sendPage(request, response, <PathPage path={path} />, answer.status);
    }
    redirectAfterPost(response, `/ministerie/paden/${pathId}/versies/${answer.body.version}`, 'concept-gemaakt');
  }

  @Get(':pathId/versies/:version')
  async version(@Req() request: GatewayRequest, @Res() response: Response, @Param('pathId') pathId: string, @Param('version') version: string, @Query('melding') notice?: string): Promise<void> {
    const principal = principalOf(request, 'ministry');
    const found = await this.versionOf(principal, pathId, version);
    sendPage(request, response, <PathVersionPage version={found} notice={notice} />);
  }

  @Post(':pathId/versies/:version/stappen')
  async addStep(@Req() request: GatewayRequest, @Res() response: Response, @Param('pathId') pathId: string, @Param('version') version: string, @Body() body: unknown): Promise<void> {
    const principal = principalOf(request, 'ministry');
    const found = await this.versionOf(principal, pathId, version);
    const values = formValues(body);
    const lists = { competenceAreas: formList(body, 'competenceAreas') };
    const { step, errors } = readStep(values, lists.competenceAreas);
    const added = step ? withStep(found.content, values.phase ?? '', step) : { errors };
    if (!added.content) return sendPage(request, response, <PathVersionPage version={found} values={values} lists={lists} errors={added.errors} />, 400);
    const answer = await this.api.send(principal, 'paths', 'PUT', `/v1/paths/${pathId}/versions/${found.version}`, { content: added.content });
    if (!answer.ok) {
      return sendPage(request, response, <PathVersionPage version={found} values={values} lists={lists} errors={errorsOfPathProblem(answer.problem, 'stepCode')} />, answer.status);
    }
    redirectAfterPost(response, `/ministerie/paden/${pathId}/versies/${found.version}`, 'stap-toegevoegd');
  }

  @Post(':pathId/versies/:version/publiceren')
  async publish(@Req() request: GatewayRequest, @Res() response: Response, @Param('pathId') pathId: string, @Param('version') version: string): Promise<void> {
    const principal = principalOf(request, 'ministry');
    const found = await this.versionOf(principal, pathId, version);
    const answer = await this.api.send(principal, 'paths', 'POST', `/v1/paths/${pathId}/versions/${found.version}/publish`);
    if (!answer.ok) return sendPage(request, response, <PathVersionPage version={found} errors={errorsOfPathProblem(answer.problem, 'phase')} />, answer.status);
    redirectAfterPost(response, `/ministerie/paden/${pathId}/versies/${found.version}`, 'gepubliceerd');
  }

  private async versionOf(principal: Principal, pathId: string, version: string): Promise<PathVersion> {
    if (!isUuid(pathId) || !VERSION.test(version)) throw new NotFoundException();
    return this.api.get<PathVersion>(principal, 'paths', `/v1/paths/${pathId}/versions/${version}`);
  }
}
