-- The tags stored so far, read from each connection's state (where they are kept as sent) into
-- connection_tags. Only the JSON function differs from SQLite's V8. PostgreSQL's JSON functions
-- refuse the escape \u0000 (V9 says why it becomes U+FFFD); tags are bound the same way
-- (StorableText).
INSERT INTO connection_tags (tag, connection_id)
SELECT DISTINCT t.tag, c.id
FROM connections c
CROSS JOIN LATERAL CAST(regexp_replace(c.state, '(?<!\\)((?:\\\\)*)\\u0000', '\1\\ufffd', 'g') AS json) AS s(state)
CROSS JOIN LATERAL json_array_elements_text(
    CASE WHEN json_typeof(s.state -> 'tags' -> 'value') = 'array' THEN s.state -> 'tags' -> 'value' ELSE '[]' END) AS t(tag);
