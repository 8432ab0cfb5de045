import { randomUUID } from 'node:crypto';
import { Body, Get, NotFoundException, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Principal } from '@napl/auth';
import { todayInAmsterdam } from '@napl/domain';
import type { GatewayRequest } from '../../../callers/http/gateway-access.guard';
import { PortalApi } from '../../application/portal-api';
import { errorsOfProblem, formValues, type FormValues } from '../../http/form';
import { PortalPages, principalOf, redirectAfterPost, sendPage } from '../../http/portal-page';
import type { FieldError } from '../../ui/components';
import { isUuid } from '../../http/path-ids';
import { readConfirmation, readDecision, readScores, valuesOfScores } from './assessment-forms';
import { CasePage, CasesPage, DecisionPage, STATUS_FILTERS } from './assessment-pages';
import type { Assessment, AssessmentDetail, AssessmentPage, HistoryEntry, MarkConditions, OfferVersion, Provider } from './quality-api';

/**
 * An assessor's cases: the list by status, a case with its offer and a score per criterion, the decision, and with
 * four eyes the second assessor's confirmation. Every rule is the quality service's; the pages check the forms first.
 */
@PortalPages('beoordelen')
export class AssessmentsPagesController {
  constructor(private readonly api: PortalApi) {}

  @Get()
  async list(@Req() request: GatewayRequest, @Res() response: Response, @Query('status') status?: string, @Query('na') cursor?: string): Promise<void> {
    const principal = principalOf(request, 'assessor');
    const filter = STATUS_FILTERS.some((candidate) => candidate.value === status) ? status! : 'open';
    const page = await this.api.get<AssessmentPage>(principal, 'quality', '/v1/assessments', {
      status: filter === 'alle' ? undefined : filter,
      limit: 50,
      cursor: typeof cursor === 'string' ? cursor : undefined,
    });
    const providerNames = await this.providerNames(principal, page.items);
    const query = (extra: Record<string, string>) => `/beoordelen?${new URLSearchParams({ status: filter, ...extra }).toString()}`;
    sendPage(
      request,
      response,
      <CasesPage
        status={filter}
        cases={page.items}
        providerNames={providerNames}
        nextHref={page.hasMore && page.nextCursor ? query({ na: page.nextCursor }) : undefined}
        previousHref={cursor ? query({}) : undefined}
      />,
    );
  }

  @Get(':assessmentId')
  async case(@Req() request: GatewayRequest, @Res() response: Response, @Param('assessmentId') assessmentId: string, @Query('melding') notice?: string): Promise<void> {
    const principal = principalOf(request, 'assessor');
    const detail = await this.detail(principal, assessmentId);
    await this.sendCase(request, response, principal, detail, { values: valuesOfScores(detail.scores), notice });
  }

  @Post(':assessmentId/scores')
  async score(@Req() request: GatewayRequest, @Res() response: Response, @Param('assessmentId') assessmentId: string, @Body() body: unknown): Promise<void> {
    const principal = principalOf(request, 'assessor');
    const detail = await this.detail(principal, assessmentId);
    const values = formValues(body);
    const { scores, errors } = readScores(detail.criteria, values);
    if (errors.length > 0) return this.sendCase(request, response, principal, detail, { values, errors, status: 400 });
    const answer = await this.api.send(principal, 'quality', 'POST', `/v1/assessments/${assessmentId}/scores`, { scores });
    if (!answer.ok) {
      const fallback = detail.criteria[0] ? `met-${detail.criteria[0].code}` : 'scores';
      return this.sendCase(request, response, principal, detail, { values, errors: errorsOfProblem(answer.problem, fallback), status: answer.status });
    }
    redirectAfterPost(response, `/beoordelen/${assessmentId}`, 'scores-opgeslagen');
  }

  @Get(':assessmentId/beslissing')
  async decisionForm(@Req() request: GatewayRequest, @Res() response: Response, @Param('assessmentId') assessmentId: string): Promise<void> {
    const principal = principalOf(request, 'assessor');
    const { assessment } = await this.detail(principal, assessmentId);
    if (assessment.status !== 'open') return redirectAfterPost(response, `/beoordelen/${assessmentId}`);
    sendPage(request, response, <DecisionPage assessment={assessment} values={{}} idempotencyKey={randomUUID()} />);
  }

  @Post(':assessmentId/beslissing')
  async decide(@Req() request: GatewayRequest, @Res() response: Response, @Param('assessmentId') assessmentId: string, @Body() body: unknown): Promise<void> {
    const principal = principalOf(request, 'assessor');
    const { assessment } = await this.detail(principal, assessmentId);
    const values = formValues(body);
    const idempotencyKey = isUuid(values.idempotencyKey ?? '') ? values.idempotencyKey : randomUUID();
    const again = (errors: FieldError[], status: number) =>
      sendPage(request, response, <DecisionPage assessment={assessment} values={values} errors={errors} idempotencyKey={idempotencyKey} />, status);
    const { decision, errors } = readDecision(values, todayInAmsterdam());
    if (!decision) return again(errors, 400);
    const answer = await this.api.send<Assessment>(principal, 'quality', 'POST', `/v1/assessments/${assessmentId}/decision`, decision, { idempotencyKey });
    if (!answer.ok) return again(errorsOfProblem(answer.problem, 'outcome'), answer.status);
    redirectAfterPost(response, `/beoordelen/${assessmentId}`, answer.body.status === 'awaiting-confirmation' ? 'beslissing-voorgesteld' : 'beslissing-genomen');
  }

  @Post(':assessmentId/bevestiging')
  async confirm(@Req() request: GatewayRequest, @Res() response: Response, @Param('assessmentId') assessmentId: string, @Body() body: unknown): Promise<void> {
    const principal = principalOf(request, 'assessor');
    const detail = await this.detail(principal, assessmentId);
    const values = formValues(body);
    const { confirmation, errors } = readConfirmation(values);
    if (!confirmation) return this.sendCase(request, response, principal, detail, { values, errors, status: 400 });
    const idempotencyKey = isUuid(values.idempotencyKey ?? '') ? values.idempotencyKey : undefined;
    const answer = await this.api.send(principal, 'quality', 'POST', `/v1/assessments/${assessmentId}/confirmation`, confirmation, { idempotencyKey });
    if (!answer.ok) return this.sendCase(request, response, principal, detail, { values, errors: errorsOfProblem(answer.problem, 'agree'), status: answer.status });
    redirectAfterPost(response, `/beoordelen/${assessmentId}`, confirmation.agree ? 'bevestigd' : 'teruggestuurd');
  }

  /** An approval with conditions: the assessor records that the provider met them (the mark then stays valid). */
  @Post(':assessmentId/voorwaarden')
  async fulfil(@Req() request: GatewayRequest, @Res() response: Response, @Param('assessmentId') assessmentId: string, @Body() body: unknown): Promise<void> {
    const principal = principalOf(request, 'assessor');
    const detail = await this.detail(principal, assessmentId);
    const markId = detail.assessment.markId;
    if (detail.assessment.status !== 'approved-with-conditions' || !markId || !isUuid(markId)) throw new NotFoundException();
    const values = formValues(body);
    if (!values.justification) {
      return this.sendCase(request, response, principal, detail, { values, errors: [{ field: 'justification', message: 'Geef aan waaruit blijkt dat aan de voorwaarden is voldaan' }], status: 400 });
    }
    const answer = await this.api.send(principal, 'quality', 'POST', `/v1/marks/${markId}/conditions-fulfilment`, { justification: values.justification });
    if (!answer.ok) return this.sendCase(request, response, principal, detail, { values, errors: errorsOfProblem(answer.problem, 'justification'), status: answer.status });
    redirectAfterPost(response, `/beoordelen/${assessmentId}`, 'voorwaarden-vervuld');
  }

  /** A case by id; an id that is no uuid is a page that does not exist. */
  private async detail(principal: Principal, assessmentId: string): Promise<AssessmentDetail> {
    if (!isUuid(assessmentId)) throw new NotFoundException();
    return this.api.get<AssessmentDetail>(principal, 'quality', `/v1/assessments/${assessmentId}`);
  }

  private async sendCase(
    request: GatewayRequest,
    response: Response,
    principal: Principal,
    detail: AssessmentDetail,
    options: { values: FormValues; errors?: FieldError[]; notice?: string; status?: number },
  ): Promise<void> {
    const { assessment } = detail;
    const markId = assessment.status === 'approved-with-conditions' && assessment.markId && isUuid(assessment.markId) ? assessment.markId : undefined;
    const [providerNames, offer, history, markConditions] = await Promise.all([
      this.providerNames(principal, [assessment]),
      // The catalogue shows an offer version to an assessor only once it is published (a reassessment): else nothing.
      this.api.find<OfferVersion>(principal, 'catalogue', `/v1/offers/${assessment.offerId}/versions/${assessment.offerVersion}`).catch(() => undefined),
      this.api.get<{ items: HistoryEntry[] }>(principal, 'quality', '/v1/history', { subjectType: 'assessment', subjectId: assessment.id, limit: 100 }),
      markId ? this.api.find<MarkConditions>(principal, 'quality', `/v1/marks/${markId}/conditions`) : undefined,
    ]);
    sendPage(
      request,
      response,
      <CasePage
        detail={detail}
        history={history.items}
        markConditions={markConditions}
        providerName={providerNames.get(assessment.providerId) ?? 'Onbekende aanbieder'}
        offer={offer}
        subject={principal.subject}
        notice={options.notice}
        errors={options.errors}
        values={options.values}
        idempotencyKey={randomUUID()}
      />,
      options.status,
    );
  }

  /** The names of the cases' providers (a provider the catalogue does not know keeps no name). */
  private async providerNames(principal: Principal, cases: readonly Assessment[]): Promise<Map<string, string>> {
    const ids = [...new Set(cases.map((assessment) => assessment.providerId))];
    const providers = await Promise.all(
      ids.map((id) => (isUuid(id) ? this.api.find<Provider>(principal, 'catalogue', `/v1/providers/${id}`).catch(() => undefined) : undefined)),
    );
    return new Map(providers.filter((provider): provider is Provider => provider !== undefined).map((provider) => [provider.providerId, provider.name]));
  }
}
