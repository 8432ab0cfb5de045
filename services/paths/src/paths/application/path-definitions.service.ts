import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { DataSource, type EntityManager } from 'typeorm';
import { hasRole, type Principal } from '@napl/auth';
import { PathsEvents } from '@napl/contracts';
import { publishInTransaction } from '@napl/messaging';
import { inTransaction } from '@napl/persistence';
import { assertDraft, assertValidContent, stepsOf, type PathVersionContent } from '../domain/path-definition';
import { PathError } from '../domain/path.errors';
import { PathVersionEntity } from '../infrastructure/path-version.entity';
import { PathEntity } from '../infrastructure/path.entity';

export interface PathView {
  readonly pathId: string;
  readonly code: string;
  readonly title: string;
  readonly description: string;
  readonly currentVersion: number | null;
  readonly versions: { version: number; status: string; publishedAt: string | null }[];
}

export interface PathVersionView {
  readonly pathId: string;
  readonly code: string;
  readonly title: string;
  readonly version: number;
  readonly status: string;
  readonly publishedAt: string | null;
  readonly content: PathVersionContent;
}

/** Only the ministry (and admins) manage paths and see drafts; everyone signed in reads published versions. */
function managesPaths(principal: Principal): boolean {
  return hasRole(principal, 'ministry', 'admin');
}

const pathNotFound = () => new PathError('PATH_NOT_FOUND', 'not-found', 'Dit ontwikkelpad bestaat niet.');
const versionNotFound = () => new PathError('VERSION_NOT_FOUND', 'not-found', 'Deze versie van het ontwikkelpad bestaat niet.');

/** The ministry's paths as versioned data: create, draft a version, change the draft, publish it. */
@Injectable()
export class PathDefinitionsService {
  constructor(private readonly dataSource: DataSource) {}

  async list(principal: Principal): Promise<PathView[]> {
    const paths = await this.dataSource.getRepository(PathEntity).find({ order: { code: 'ASC' } });
    const versions = await this.dataSource.getRepository(PathVersionEntity).find({ order: { version: 'ASC' } });
    return paths.map((path) => viewOf(path, versions.filter((version) => version.pathId === path.pathId), principal)).filter((view) => view.versions.length > 0 || managesPaths(principal));
  }

  async get(principal: Principal, pathId: string): Promise<PathView> {
    const path = await this.dataSource.getRepository(PathEntity).findOneBy({ pathId });
    if (!path) throw pathNotFound();
    const view = viewOf(path, await this.dataSource.getRepository(PathVersionEntity).find({ where: { pathId }, order: { version: 'ASC' } }), principal);
    if (view.versions.length === 0 && !managesPaths(principal)) throw pathNotFound();
    return view;
  }

  async getVersion(principal: Principal, pathId: string, version: number): Promise<PathVersionView> {
    const path = await this.dataSource.getRepository(PathEntity).findOneBy({ pathId });
    if (!path) throw pathNotFound();
    const row = await this.dataSource.getRepository(PathVersionEntity).findOneBy({ pathId, version });
    if (!row || (row.status === 'draft' && !managesPaths(principal))) throw versionNotFound();
    return versionViewOf(path, row);
  }

  async create(input: { code: string; title: string; description?: string; content: PathVersionContent }): Promise<PathVersionView> {
    assertValidContent(input.content);
    return inTransaction(this.dataSource, async (manager) => {
      const existing = await manager.findOneBy(PathEntity, { code: input.code });
      if (existing) throw new PathError('INVALID_DEFINITION', 'conflict', `Er bestaat al een ontwikkelpad met code ${input.code}.`);
      const path = manager.create(PathEntity, { pathId: randomUUID(), code: input.code, title: input.title, description: input.description ?? '' });
      await manager.insert(PathEntity, path);
      const version = manager.create(PathVersionEntity, { pathId: path.pathId, version: 1, status: 'draft', content: input.content, publishedAt: null });
      await manager.insert(PathVersionEntity, version);
      return versionViewOf(path, version);
    });
  }

  /** A new draft, from the given content or a copy of the newest version. One draft at a time per path. */
  async draft(pathId: string, content?: PathVersionContent): Promise<PathVersionView> {
    if (content) assertValidContent(content);
    return inTransaction(this.dataSource, async (manager) => {
      const path = await lockPath(manager, pathId);
      const newest = await manager.findOne(PathVersionEntity, { where: { pathId }, order: { version: 'DESC' } });
      if (newest?.status === 'draft') {
        throw new PathError('VERSION_NOT_DRAFT', 'conflict', `Versie ${newest.version} is nog een concept: wijzig of publiceer die eerst.`, { draftVersion: newest.version });
      }
      const version = manager.create(PathVersionEntity, {
        pathId,
        version: (newest?.version ?? 0) + 1,
        status: 'draft',
        content: content ?? newest!.content,
        publishedAt: null,
      });
      await manager.insert(PathVersionEntity, version);
      return versionViewOf(path, version);
    });
  }

  async updateDraft(pathId: string, versionNumber: number, content: PathVersionContent): Promise<PathVersionView> {
    assertValidContent(content);
    return inTransaction(this.dataSource, async (manager) => {
      const path = await lockPath(manager, pathId);
      const version = await manager.findOneBy(PathVersionEntity, { pathId, version: versionNumber });
      if (!version) throw versionNotFound();
      assertDraft(version.status);
      version.content = content;
      await manager.update(PathVersionEntity, { pathId, version: versionNumber }, { content });
      return versionViewOf(path, version);
    });
  }

  /** Published, the version is fixed for good; teachers who start the path from now on start on it. */
  async publish(pathId: string, versionNumber: number): Promise<PathVersionView> {
    return inTransaction(this.dataSource, async (manager) => {
      const path = await lockPath(manager, pathId);
      const version = await manager.findOneBy(PathVersionEntity, { pathId, version: versionNumber });
      if (!version) throw versionNotFound();
      assertDraft(version.status);
      assertValidContent(version.content);
      version.status = 'published';
      version.publishedAt = new Date();
      await manager.update(PathVersionEntity, { pathId, version: versionNumber }, { status: 'published', publishedAt: version.publishedAt });
      await publishInTransaction(manager, PathsEvents.PathVersionPublished, pathId, {
        pathId,
        pathCode: path.code,
        version: versionNumber,
        title: path.title,
        sectors: [...version.content.sectors],
        stepCodes: stepsOf(version.content).map((step) => step.code),
        publishedAt: timestampFromDate(version.publishedAt),
      });
      return versionViewOf(path, version);
    });
  }
}

/** Changes to one path's versions are made one at a time: version numbers and the one-draft rule stay right. */
async function lockPath(manager: EntityManager, pathId: string): Promise<PathEntity> {
  const path = await manager.findOne(PathEntity, { where: { pathId }, lock: { mode: 'pessimistic_write' } });
  if (!path) throw pathNotFound();
  return path;
}

function viewOf(path: PathEntity, versions: PathVersionEntity[], principal: Principal): PathView {
  const visible = versions.filter((version) => version.status === 'published' || managesPaths(principal));
  const published = versions.filter((version) => version.status === 'published');
  return {
    pathId: path.pathId,
    code: path.code,
    title: path.title,
    description: path.description,
    currentVersion: published.at(-1)?.version ?? null,
    versions: visible.map((version) => ({ version: version.version, status: version.status, publishedAt: version.publishedAt?.toISOString() ?? null })),
  };
}

function versionViewOf(path: PathEntity, version: PathVersionEntity): PathVersionView {
  return {
    pathId: path.pathId,
    code: path.code,
    title: path.title,
    version: version.version,
    status: version.status,
    publishedAt: version.publishedAt?.toISOString() ?? null,
    content: version.content,
  };
}
