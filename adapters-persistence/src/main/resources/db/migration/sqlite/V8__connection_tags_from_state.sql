-- The tags stored so far, read from each connection's state (where they are kept as sent) into
-- connection_tags. Only the JSON function differs from PostgreSQL's V8.
INSERT INTO connection_tags (tag, connection_id)
SELECT DISTINCT t.value, c.id
FROM connections c, json_each(c.state, '$.tags.value') AS t
WHERE json_type(c.state, '$.tags.value') = 'array';
