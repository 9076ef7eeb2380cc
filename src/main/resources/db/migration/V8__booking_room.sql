-- A booking's room: the preparation checklist books one; the booking says which. Searched on the board.
ALTER TABLE card ADD COLUMN room VARCHAR(80);
