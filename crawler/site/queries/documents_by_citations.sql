-- title: Most cited documents
-- description: Documents by the number of articles citing them; each links to its page.
select d.id as document_id, d.number_id, d.doc_type, d.issuer, d.issued_on,
  count(distinct c.article_id) as articles
from documents d join document_citations c on c.document_id = d.id
group by d.id order by articles desc, d.id limit 100
