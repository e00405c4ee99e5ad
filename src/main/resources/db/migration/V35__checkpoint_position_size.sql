-- A poll position also remembers the records its pass listed in the overlap with the next pass (PassOverlap),
-- up to 5,000 of them.
alter table checkpoint alter column position set data type varchar(1000000);
