import { Module } from '@nestjs/common';

/** Reimbursement's copy of enrolments, runs and quality marks from events, and every enrolment's eligibility with its reason code; the ministry's review queue. */
@Module({ controllers: [], providers: [], exports: [] })
export class EligibilityModule {}
