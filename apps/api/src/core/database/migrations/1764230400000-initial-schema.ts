import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1764230400000 implements MigrationInterface {
  name = 'InitialSchema1764230400000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE articles (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        external_id text NOT NULL UNIQUE,
        title text NOT NULL,
        subtitle text,
        body text,
        url text,
        author text,
        comments_open boolean NOT NULL DEFAULT true,
        pre_moderate boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL UNIQUE CHECK (email = lower(email)),
        name text NOT NULL,
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'moderator')),
        disabled boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        article_id uuid NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        parent_id uuid REFERENCES comments(id) ON DELETE SET NULL,
        author_name text NOT NULL,
        author_id text,
        author_role text NOT NULL DEFAULT 'reader' CHECK (author_role IN ('reader', 'staff')),
        staff_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        title text,
        body text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'flagged', 'hidden')),
        version integer NOT NULL DEFAULT 1,
        priority real NOT NULL DEFAULT 0,
        idempotency_key text,
        ip_hash text,
        received_at timestamptz NOT NULL DEFAULT now(),
        decided_at timestamptz
      )`);
    await q.query(
      `CREATE UNIQUE INDEX comments_idempotency_uq ON comments (article_id, idempotency_key) WHERE idempotency_key IS NOT NULL`,
    );
    await q.query(`CREATE INDEX comments_queue_idx ON comments (status, priority DESC, received_at DESC)`);
    await q.query(`CREATE INDEX comments_article_idx ON comments (article_id, status, received_at)`);
    await q.query(`CREATE INDEX comments_parent_idx ON comments (parent_id) WHERE parent_id IS NOT NULL`);
    await q.query(`CREATE INDEX comments_author_idx ON comments (author_id, received_at) WHERE author_id IS NOT NULL`);
    await q.query(`CREATE INDEX comments_received_idx ON comments (received_at)`);

    await q.query(`
      CREATE TABLE rules (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        type text NOT NULL,
        config jsonb NOT NULL,
        action text NOT NULL CHECK (action IN ('flag', 'hide')),
        mode text NOT NULL DEFAULT 'live' CHECK (mode IN ('live', 'shadow')),
        enabled boolean NOT NULL DEFAULT true,
        severity integer NOT NULL DEFAULT 1 CHECK (severity BETWEEN 1 AND 3),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE rule_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        rule_id uuid NOT NULL REFERENCES rules(id) ON DELETE CASCADE,
        version integer NOT NULL,
        name text NOT NULL,
        type text NOT NULL,
        config jsonb NOT NULL,
        action text NOT NULL,
        mode text NOT NULL,
        enabled boolean NOT NULL,
        severity integer NOT NULL,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (rule_id, version)
      )`);

    await q.query(`
      CREATE TABLE triage_decisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        comment_id uuid NOT NULL UNIQUE REFERENCES comments(id) ON DELETE CASCADE,
        outcome_status text NOT NULL,
        applied boolean NOT NULL,
        rules_version text NOT NULL,
        hit_count integer NOT NULL,
        error_count integer NOT NULL,
        duration_ms real NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE triage_flags (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        decision_id uuid NOT NULL REFERENCES triage_decisions(id) ON DELETE CASCADE,
        comment_id uuid NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
        rule_id uuid NOT NULL,
        rule_name text NOT NULL,
        rule_type text NOT NULL,
        rule_version integer NOT NULL,
        action text NOT NULL,
        mode text NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('hit', 'error')),
        score double precision NOT NULL,
        threshold double precision NOT NULL,
        evidence jsonb NOT NULL
      )`);
    await q.query(`CREATE INDEX triage_flags_comment_idx ON triage_flags (comment_id)`);
    await q.query(`CREATE INDEX triage_flags_rule_idx ON triage_flags (rule_id)`);

    await q.query(`
      CREATE TABLE moderation_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        comment_id uuid NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
        from_status text,
        to_status text,
        actor_type text NOT NULL CHECK (actor_type IN ('user', 'rule', 'system')),
        actor_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        reason text,
        details jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX moderation_events_comment_idx ON moderation_events (comment_id, created_at)`);

    await q.query(`
      CREATE TABLE site_settings (
        id integer PRIMARY KEY CHECK (id = 1),
        auto_approve boolean NOT NULL DEFAULT true,
        pre_moderate boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`INSERT INTO site_settings (id) VALUES (1)`);

    // Default rule set (more rule types arrive with their own migrations).
    await q.query(`
      WITH r AS (
        INSERT INTO rules (name, type, config, action, severity)
        VALUES ('Too many links', 'links', '{"maxLinks": 2, "denyDomains": []}', 'flag', 1)
        RETURNING *
      )
      INSERT INTO rule_versions (rule_id, version, name, type, config, action, mode, enabled, severity)
      SELECT id, version, name, type, config, action, mode, enabled, severity FROM r`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'site_settings',
      'moderation_events',
      'triage_flags',
      'triage_decisions',
      'rule_versions',
      'rules',
      'comments',
      'users',
      'articles',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
  }
}
