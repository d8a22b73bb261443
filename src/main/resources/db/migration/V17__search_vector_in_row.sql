-- Ranking a search reads the search vector of every hit. A long body's vector is a few kB and
-- barely compresses, so PostgreSQL moved it to the TOAST table: an index lookup and two or three
-- chunk reads per hit (measured: 100,000 generated articles, the ranked page of ~100 hits 2.8 ms
-- with the vectors there, 1.9 ms with them in the row; the whole search 6.6 -> 6.1 ms). MAIN
-- keeps a value in its row unless the row would not fit a page even without it. No article
-- update is HOT (each changes updated_at, which is indexed), so a vector in the row costs an edit
-- no GIN work it did not do before; the heap is about twice the size. New and re-indexed vectors
-- go in the row; one already in the TOAST table stays there until its article's words change.
alter table article alter column search_vector set storage main;
