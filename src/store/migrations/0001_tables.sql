-- The store of guichet on PostgreSQL (src/store/postgres.rs), version 1.
-- Keys are hex HMAC-SHA256 of the sender under the service secret: no phone
-- number or chat id is ever stored in clear. Keys compare byte by byte
-- (COLLATE "C"), as in sled: the outboxes are read in key order.

-- One row per conversation: the record sealed with ChaCha20-Poly1305 under
-- its conversation key (below) mixed with the service secret, which is
-- never in the database.
CREATE TABLE conversations (
    cle text COLLATE "C" PRIMARY KEY,
    -- Last update, seconds since 1970 (expiry).
    maj bigint NOT NULL,
    -- Nonce, then ciphertext.
    valeur bytea NOT NULL
);
CREATE INDEX conversations_maj ON conversations (maj);

-- The key of each conversation, 32 random bytes, deleted with it (EFFACER,
-- expiry).
CREATE TABLE cles_conversations (
    cle text COLLATE "C" PRIMARY KEY,
    octets bytea NOT NULL
);

-- The auxiliary tables of the store (callback requests `rappels`, long-SMS
-- parts `parties`, outboxes `sortants` and `telegram`, the agent console's
-- sessions, lockouts and calls), one row per entry, named by `nom`.
CREATE TABLE entrees (
    nom text COLLATE "C" NOT NULL,
    cle text COLLATE "C" NOT NULL,
    valeur bytea NOT NULL,
    -- A process working on the entry (an outbox entry being sent) holds it
    -- until then (seconds since 1970, the database's clock).
    bail_jusqu_a bigint NOT NULL DEFAULT 0,
    bail_par text NOT NULL DEFAULT '',
    PRIMARY KEY (nom, cle)
);

-- Ids never given twice (outbox entries).
CREATE SEQUENCE ids;

-- Settings every process must agree on: a check value of the service
-- secret (not the secret), so that a process started with another secret
-- refuses to run instead of opening nothing.
CREATE TABLE reglages (
    nom text PRIMARY KEY,
    valeur text NOT NULL
);
