-- The tags stored so far, read from each connection's state (where they are kept as sent) into
-- connection_tags. Only the JSON function differs from SQLite's V8.
INSERT INTO connection_tags (tag, connection_id)
SELECT DISTINCT t.tag, c.id
FROM connections c
CROSS JOIN LATERAL json_array_elements_text(CAST(c.state AS json) -> 'tags' -> 'value') AS t(tag)
WHERE json_typeof(CAST(c.state AS json) -> 'tags' -> 'value') = 'array';
