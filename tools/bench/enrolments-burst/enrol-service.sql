-- pgbench: exactly what the service sends to Postgres per enrolment: the read of the placement facts
-- (enrolment-placement.ts readPlacementFacts: teacher, run with its digest, offer, Idempotency-Key; outside the lock),
-- then the call of place_enrolment as in enrol-function.sql. Two statements, each committing on its own, as in the
-- service. The facts are read for a registered teacher (md5('bench-teacher'), inserted by enrolments-burst.ts); the
-- placement uses a new teacher each time, as the burst does. Needs search_path=enrolments (PGOPTIONS).
\set r :base + random(1, :runs)
SELECT t.teacher_id AS "teacherId", t.sector, t.school_id AS "schoolId", t.region_id AS "regionId",
       r.run_id AS "runId", r.offer_id AS "offerId", r.offer_version AS "offerVersion", r.provider_id AS "providerId",
       r.start_date::text AS "startDate", r.end_date::text AS "endDate", r.enrolment_deadline AS "enrolmentDeadline",
       r.capacity, r.price_cents::text AS "priceCents", r.status AS "runStatus", md5(r::text) AS "runDigest",
       o.status AS "offerStatus", o.team_programme AS "teamProgramme",
       EXISTS (SELECT FROM enrolment k WHERE k.teacher_id = md5('bench-teacher')::uuid AND k.idempotency_key = gen_random_uuid()::text) AS "keyUsed"
  FROM (SELECT) AS asked
  LEFT JOIN teacher t ON t.teacher_id = md5('bench-teacher')::uuid
  LEFT JOIN known_run r ON r.run_id = md5('bench-run-' || :r)::uuid
  LEFT JOIN known_offer o ON o.offer_id = r.offer_id;
SELECT * FROM place_enrolment(
  md5('bench-run-' || :r)::uuid, (SELECT md5(r::text) FROM known_run r WHERE r.run_id = md5('bench-run-' || :r)::uuid),
  gen_random_uuid(), gen_random_uuid(), md5('bench-offer')::uuid, '12AB00', 'utrecht-stad', 'po',
  gen_random_uuid()::text, now(),
  gen_random_uuid(), 'napl.enrolments.enrolment.v1', now(),
  'napl.enrolments.v1.EnrolmentConfirmed', decode(repeat('0a', 240), 'hex'),
  jsonb_build_object('napl-event-id', gen_random_uuid(), 'napl-event-type', 'napl.enrolments.v1.EnrolmentConfirmed',
                     'napl-occurred-at', now(), 'napl-correlation-id', gen_random_uuid(), 'napl-causation-id', gen_random_uuid(),
                     'content-type', 'application/x-protobuf'),
  'napl.enrolments.v1.EnrolmentWaitlisted', decode(repeat('0a', 230), 'hex'), 16, decode(repeat('0a', 12), 'hex'),
  jsonb_build_object('napl-event-id', gen_random_uuid(), 'napl-event-type', 'napl.enrolments.v1.EnrolmentWaitlisted',
                     'napl-occurred-at', now(), 'napl-correlation-id', gen_random_uuid(), 'napl-causation-id', gen_random_uuid(),
                     'content-type', 'application/x-protobuf'));
