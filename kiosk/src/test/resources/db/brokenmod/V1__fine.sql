-- a module whose second script fails, for DatabaseTest
CREATE TABLE broken_fine (x INTEGER);
