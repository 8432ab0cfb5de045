import { randomUUID } from 'node:crypto';
import { Body, Get, NotFoundException, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { GatewayRequest } from '../../../callers/http/gateway-access.guard';
import { PortalApi } from '../../application/portal-api';
import { errorsOfProblem, formValues } from '../../http/form';
import { PortalPages, principalOf, redirectAfterPost, sendPage } from '../../http/portal-page';
import { isUuid } from '../../http/path-ids';
import { EXTRA_ROWS, readFramework, valuesOfCriteria } from './framework-form';
import { FrameworkPage, NewFrameworkPage } from './framework-pages';
import type { Framework } from './quality-api';

/** Most rows a posted form may claim (the form never has more than a framework's criteria and a few empty rows). */
const MAX_ROWS = 60;

/** The ministry's quality framework: every version's criteria, and a new version published from the current one. */
@PortalPages('ministerie/kwaliteitskader')
export class FrameworkPagesController {
  constructor(private readonly api: PortalApi) {}

  @Get()
  async show(@Req() request: GatewayRequest, @Res() response: Response, @Query('versie') version?: string, @Query('melding') notice?: string): Promise<void> {
    const principal = principalOf(request, 'ministry');
    const current = await this.api.get<Framework>(principal, 'quality', '/v1/frameworks/current');
    if (version !== undefined && !/^[1-9]\d{0,5}$/.test(version)) throw new NotFoundException();
    const shown = version && Number(version) !== current.version ? await this.api.get<Framework>(principal, 'quality', `/v1/frameworks/${version}`) : current;
    sendPage(request, response, <FrameworkPage framework={shown} current={current.version} notice={notice} />);
  }

  @Get('nieuwe-versie')
  async newVersion(@Req() request: GatewayRequest, @Res() response: Response): Promise<void> {
    const principal = principalOf(request, 'ministry');
    const current = await this.api.get<Framework>(principal, 'quality', '/v1/frameworks/current');
    sendPage(
      request,
      response,
      <NewFrameworkPage values={valuesOfCriteria(current.criteria)} rows={current.criteria.length + EXTRA_ROWS} idempotencyKey={randomUUID()} />,
    );
  }

  @Post('nieuwe-versie')
  async publish(@Req() request: GatewayRequest, @Res() response: Response, @Body() body: unknown): Promise<void> {
    const principal = principalOf(request, 'ministry');
    const values = formValues(body);
    const rows = /^\d{1,2}$/.test(values.rows ?? '') ? Math.min(Number(values.rows), MAX_ROWS) : EXTRA_ROWS;
    const idempotencyKey = isUuid(values.idempotencyKey ?? '') ? values.idempotencyKey : randomUUID();
    const { framework, errors } = readFramework(values, rows);
    if (!framework) {
      sendPage(request, response, <NewFrameworkPage values={values} rows={rows} errors={errors} idempotencyKey={idempotencyKey} />, 400);
      return;
    }
    const answer = await this.api.send<Framework>(principal, 'quality', 'POST', '/v1/frameworks', framework, { idempotencyKey });
    if (!answer.ok) {
      sendPage(request, response, <NewFrameworkPage values={values} rows={rows} errors={errorsOfProblem(answer.problem, 'notes')} idempotencyKey={idempotencyKey} />, answer.status);
      return;
    }
    redirectAfterPost(response, '/ministerie/kwaliteitskader', 'gepubliceerd');
  }
}
