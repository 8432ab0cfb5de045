import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `place_enrolment`: the part of enrolling that runs under the run's row lock, as one function called in one
 * statement (application/enrolment-placement.ts reads and checks everything else before, and prepares the event).
 * - One round trip: the lock is held while Postgres runs the function and commits, never while a result travels back
 *   to the service and waits for its event loop.
 * - The count sees every enrolment the previous holder of the lock committed: in a VOLATILE function each statement
 *   takes a fresh snapshot (READ COMMITTED), where a single SELECT … FOR UPDATE plus count in one statement would count
 *   with the snapshot from before it waited for the lock, and overbook.
 * - Its statements' plans are cached per connection, so the lock is not held while they are planned either.
 * The run is placed only while it is as it was read (`md5` of its row) and its offer is published: else it returns
 * `unchanged = false` and the service reads and checks again. Placement as in the domain's placeFor (HOLDS_PLACE
 * statuses below the capacity: confirmed, else waitlisted); arrival numbers go up by one per run. The event's payload
 * comes prepared for both outcomes; the waitlisted one gets its position (protobuf field 2, a varint) joined in.
 * Unqualified names resolve through the service's search_path, as in all its SQL.
 */
export class PlaceEnrolment1796100000300 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION protobuf_varint(value bigint) RETURNS bytea LANGUAGE plpgsql IMMUTABLE STRICT AS $fn$
      DECLARE
        encoded bytea := ''::bytea;
        rest bigint := value;
      BEGIN
        LOOP
          IF rest < 128 THEN
            RETURN encoded || set_byte('\\x00'::bytea, 0, rest::integer);
          END IF;
          encoded := encoded || set_byte('\\x00'::bytea, 0, (rest & 127 | 128)::integer);
          rest := rest >> 7;
        END LOOP;
      END
      $fn$`);
    await queryRunner.query(`
      CREATE FUNCTION place_enrolment(
        p_run_id uuid, p_run_digest text,
        p_enrolment_id uuid, p_teacher_id uuid, p_offer_id uuid, p_school_id text, p_region_id text, p_sector text,
        p_idempotency_key text, p_enrolled_at timestamptz,
        p_event_id uuid, p_topic text, p_occurred_at timestamptz,
        p_confirmed_type text, p_confirmed_payload bytea, p_confirmed_headers jsonb,
        p_waitlisted_type text, p_waitlisted_before_position bytea, p_waitlisted_position_tag integer, p_waitlisted_after_position bytea,
        p_waitlisted_headers jsonb)
      RETURNS TABLE (unchanged boolean, key_used boolean, enrolled boolean, status text, arrival_number integer, waiting_position integer)
      LANGUAGE plpgsql VOLATILE AS $fn$
      DECLARE
        run_capacity integer;
        taken integer;
        waiting integer;
        last_arrival integer;
        placed text;
      BEGIN
        PERFORM FROM known_run r WHERE r.run_id = p_run_id FOR UPDATE;

        SELECT r.capacity INTO run_capacity FROM known_run r
         WHERE r.run_id = p_run_id AND md5(r::text) = p_run_digest
           AND EXISTS (SELECT FROM known_offer o WHERE o.offer_id = r.offer_id AND o.status = 'published');
        IF NOT FOUND THEN
          RETURN QUERY SELECT false, false, false, NULL::text, NULL::integer, NULL::integer;
          RETURN;
        END IF;

        SELECT COALESCE(bool_or(e.idempotency_key = p_idempotency_key), false),
               COALESCE(bool_or(e.run_id = p_run_id AND e.status <> 'cancelled'), false)
          INTO key_used, enrolled
          FROM enrolment e WHERE e.teacher_id = p_teacher_id AND (e.run_id = p_run_id OR e.idempotency_key = p_idempotency_key);
        IF key_used OR enrolled THEN
          RETURN QUERY SELECT true, key_used, enrolled, NULL::text, NULL::integer, NULL::integer;
          RETURN;
        END IF;

        SELECT count(*) FILTER (WHERE e.status IN ('confirmed', 'completed', 'not_completed')),
               count(*) FILTER (WHERE e.status = 'waitlisted'),
               COALESCE(max(e.arrival_number), 0)
          INTO taken, waiting, last_arrival
          FROM enrolment e WHERE e.run_id = p_run_id;
        placed := CASE WHEN taken < run_capacity THEN 'confirmed' ELSE 'waitlisted' END;

        INSERT INTO enrolment (enrolment_id, teacher_id, run_id, offer_id, status, arrival_number, school_id, region_id, sector,
                               team_enrolment_id, idempotency_key, enrolled_at, confirmed_at)
        VALUES (p_enrolment_id, p_teacher_id, p_run_id, p_offer_id, placed, last_arrival + 1, p_school_id, p_region_id, p_sector,
                NULL, p_idempotency_key, p_enrolled_at, CASE WHEN placed = 'confirmed' THEN p_enrolled_at END);
        IF placed = 'confirmed' THEN
          INSERT INTO outbox_message (event_id, topic, message_key, event_type, payload, headers, occurred_at)
          VALUES (p_event_id, p_topic, p_enrolment_id::text, p_confirmed_type, p_confirmed_payload, p_confirmed_headers, p_occurred_at);
        ELSE
          INSERT INTO outbox_message (event_id, topic, message_key, event_type, payload, headers, occurred_at)
          VALUES (p_event_id, p_topic, p_enrolment_id::text, p_waitlisted_type,
                  p_waitlisted_before_position || protobuf_varint(p_waitlisted_position_tag) || protobuf_varint(waiting + 1)
                    || p_waitlisted_after_position,
                  p_waitlisted_headers, p_occurred_at);
        END IF;
        RETURN QUERY SELECT true, false, false, placed, last_arrival + 1, CASE WHEN placed = 'waitlisted' THEN waiting + 1 END;
      END
      $fn$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP FUNCTION place_enrolment(uuid, text, uuid, uuid, uuid, text, text, text, text, timestamptz, uuid, text, timestamptz, text, bytea, jsonb, text, bytea, integer, bytea, jsonb)`,
    );
    await queryRunner.query(`DROP FUNCTION protobuf_varint(bigint)`);
  }
}
