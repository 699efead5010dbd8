-- title: Mentions of a name
-- description: Every mention of a person, organisation or place whose name or written form matches, ignoring case and diacritics (dinh van long, ubnd quan hoang mai).
-- example: name=dinh van long
select m.article_id, a.title, a.published, m.type, m.text, m.value
from mentions m join articles a on a.id = m.article_id
where m.type in ('PERSON', 'ORG', 'LOC')
  and (vn_key(m.value) = vn_key(:name) or vn_key(m.text) = vn_key(:name))
order by a.published, m.article_id, m.start
