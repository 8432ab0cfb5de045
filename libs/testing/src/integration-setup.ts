// Integration tests talk to the real Postgres and Kafka: give them time (set per project, as jest wants).
jest.setTimeout(60_000);
