-- The '|a|b|' columns that V7 and V8 replaced with link tables.
ALTER TABLE connections DROP COLUMN tags;
ALTER TABLE contacts DROP COLUMN phone_norms;
