-- title: Articles citing a document
-- description: Every article that cites the document, oldest first, with the words that cite it. The number may be typed in any case, with or without its type (155/kh-ubnd, Kế hoạch 155/KH-UBND) or as a full key.
-- example: document=155/KH-UBND
select a.id as article_id, a.title, a.published, a.source, m.text as cited_as,
  c.document_id
from document_citations c
  join articles a on a.id = c.article_id
  join mentions m on m.id = c.mention_id
  join documents d on d.id = c.document_id
where vn_key(d.id) = vn_key(:document) or vn_key(d.number_id) = vn_key(:document)
  or ' ' || vn_key(:document) || ' ' like '% ' || vn_key(d.number_id) || ' %'
order by a.published
