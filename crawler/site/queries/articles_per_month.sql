-- title: Articles per month and source
-- description: How many articles each source published each month (the chart on the Charts page).
select month, source, count(*) as articles from articles
where month is not null group by month, source order by month, source
