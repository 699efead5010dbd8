-- title: Titles held by a person, over time
-- description: The titles a person held, as of the date of each article that names them. The name may be typed without diacritics or capitals (ta minh khoa).
-- example: person=ta minh khoa
select r.as_of, p.name as person, r.title, r.organization, r.former, r.article_id,
  a.title as article, r.person as person_key
from person_roles r join articles a on a.id = r.article_id
  join people p on p.key = r.person
where vn_key(p.name) = vn_key(:person) or vn_key(r.person) = vn_key(:person)
order by r.as_of, r.title
