-- pgbench: the enrolment transaction as plain SQL, one statement per round trip, as the service sent it before
-- issue 10: lock the run, count its places, insert the enrolment, insert its event into the outbox.
-- Set by enrolments-burst.ts (pgbench -D): base and runs (the runs are md5('bench-run-' || n) for n in base+1..base+runs).
\set r :base + random(1, :runs)
BEGIN;
SELECT capacity FROM enrolments.known_run WHERE run_id = md5('bench-run-' || :r)::uuid FOR UPDATE \gset
SELECT count(*) FILTER (WHERE status IN ('confirmed', 'completed', 'not_completed')) AS taken,
       count(*) FILTER (WHERE status = 'waitlisted') AS waiting, COALESCE(max(arrival_number), 0) AS last
  FROM enrolments.enrolment WHERE run_id = md5('bench-run-' || :r)::uuid \gset
INSERT INTO enrolments.enrolment (enrolment_id, teacher_id, run_id, offer_id, status, arrival_number, school_id, region_id, sector,
                                  enrolled_at, confirmed_at)
VALUES (gen_random_uuid(), gen_random_uuid(), md5('bench-run-' || :r)::uuid, md5('bench-offer')::uuid,
        CASE WHEN :taken < :capacity THEN 'confirmed' ELSE 'waitlisted' END, :last + 1, '12AB00', 'utrecht-stad', 'po',
        now(), CASE WHEN :taken < :capacity THEN now() END);
INSERT INTO enrolments.outbox_message (event_id, topic, message_key, event_type, payload, headers, occurred_at)
VALUES (gen_random_uuid(), 'napl.enrolments.enrolment.v1', gen_random_uuid()::text,
        CASE WHEN :taken < :capacity THEN 'napl.enrolments.v1.EnrolmentConfirmed' ELSE 'napl.enrolments.v1.EnrolmentWaitlisted' END,
        decode(repeat('0a', 240), 'hex'),
        jsonb_build_object('napl-event-id', gen_random_uuid(), 'napl-event-type', 'napl.enrolments.v1.EnrolmentConfirmed',
                           'napl-occurred-at', now(), 'napl-correlation-id', gen_random_uuid(), 'napl-causation-id', gen_random_uuid(),
                           'content-type', 'application/x-protobuf'),
        now());
COMMIT;
