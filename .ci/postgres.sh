# Sourced by .ci/run (and usable by hand: `source .ci/postgres.sh`): a
# throwaway PostgreSQL cluster for the tests of the PostgreSQL store, from
# Debian's packages, run as the `postgres` user (CI runs as root), on a free
# local port, stopped and removed when the calling shell exits. Exports its
# URL as GUICHET_TEST_POSTGRES; each test creates its own database in it.
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql
fi
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
PG_DIR="$(mktemp -d /tmp/guichet-pg.XXXXXX)"
chown postgres "$PG_DIR"
PG_PORT=54329
while (echo >"/dev/tcp/127.0.0.1/$PG_PORT") 2>/dev/null; do PG_PORT=$((PG_PORT + 1)); done
runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DIR/data" -A trust -U postgres -E UTF8 >/dev/null
# Tests open many databases and connections at once; fsync stays on (the
# crash tests prove what a real deployment does).
runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=400" start >/dev/null
arreter_postgres() {
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
}
trap arreter_postgres EXIT
export GUICHET_TEST_POSTGRES="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
# The tests that restart the database (tests/plusieurs_instances.rs) need
# to know how.
export GUICHET_TEST_POSTGRES_PG_CTL="runuser -u postgres -- $PG_BIN/pg_ctl -D $PG_DIR/data"
echo "PostgreSQL de test : $GUICHET_TEST_POSTGRES"
