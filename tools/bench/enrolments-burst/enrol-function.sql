-- pgbench: the enrolment transaction as the service runs it since issue 10: one statement, the call of place_enrolment
-- (migration 1796100000300-place-enrolment), which locks the run, re-checks it and its offer, checks the teacher's key
-- and active enrolment, counts the places and inserts the enrolment and its event. The digest it compares is taken
-- in the same statement here (the service reads it before). Needs search_path=enrolments (PGOPTIONS).
-- Set by enrolments-burst.ts (pgbench -D): base and runs (the runs are md5('bench-run-' || n) for n in base+1..base+runs).
\set r :base + random(1, :runs)
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
