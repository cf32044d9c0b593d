"""HTML through trafilatura: body text, and metadata for title, dek, authors, date and outlet."""
from __future__ import annotations

from quotegraph.article import read_article
from quotegraph.article.html import iso_from_htmldate, split_authors
from quotegraph.readers import RawDocument

PAGE = """<!doctype html><html><head><meta charset="utf-8">
<title>Ann Poe Talks Season Two | Example News</title>
<meta property="og:title" content="Ann Poe Talks Season Two">
<meta name="description" content="The actress told us what fans can expect next.">
<meta name="author" content="Bo Roe; Cy Doe">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2021-01-02T18:49:00-08:00">
<link rel="canonical" href="https://www.example.com/news/ann-poe-season-two">
</head><body><nav><a href="/">Home</a> <a href="/tv">TV</a></nav>
<article><h1>Ann Poe Talks Season Two</h1>
<p>Ann Poe is back on set, and she has news for fans of the hit series about the coming season.</p>
<p>"We start filming in March, and I cannot wait to see everyone again," Poe said in an interview on Friday.</p>
<p>The show, which streams online, was renewed last month after a record first season that drew millions.</p>
<p>Sign up for our newsletter to get the latest stories in your inbox.</p>
</article><footer>Copyright 2021 Example News</footer></body></html>"""


def read(html: str | bytes, url: str | None = None):
    data = html.encode("utf-8") if isinstance(html, str) else html
    return read_article(RawDocument(source="page.html", data=data, media_type="text/html", url=url))


def test_metadata_from_the_page():
    art = read(PAGE)
    assert art.media_type == "text/html"
    assert art.title == "Ann Poe Talks Season Two"
    assert art.dek == "The actress told us what fans can expect next."
    assert art.authors == ["Bo Roe", "Cy Doe"]
    assert art.published == "2021-01-02T18:49-08:00"
    assert art.outlet == "Example News"
    assert art.url == "https://www.example.com/news/ann-poe-season-two"


def test_body_is_the_extracted_text_and_blocks_index_it():
    art = read(PAGE)
    paras = [art.text[b.start:b.end] for b in art.paragraphs]
    assert paras[1].startswith('"We start filming in March')
    assert "Home" not in art.text and "Copyright" not in art.text


def test_call_to_action_stays_in_text_but_is_not_a_paragraph():
    art = read(PAGE)
    assert "Sign up for our newsletter" in art.text
    assert not any("Sign up" in art.text[b.start:b.end] for b in art.paragraphs)


def test_title_repeated_as_first_line_is_a_title_block():
    art = read(PAGE)
    if art.text.startswith("Ann Poe Talks Season Two"):
        assert art.blocks[0].kind == "title"
    assert all(not art.text[b.start:b.end].startswith("Ann Poe Talks") for b in art.paragraphs)


def test_outlet_falls_back_to_the_url():
    page = PAGE.replace('<meta property="og:site_name" content="Example News">', "").replace(
        "| Example News", "").replace('<link rel="canonical" href="https://www.example.com/news/ann-poe-season-two">', "")
    page = page.replace("Copyright 2021 Example News", "")
    art = read(page, url="https://www.people.com/tv/x")
    assert art.outlet == "People"
    assert read(page).outlet is None
    assert art.url == "https://www.people.com/tv/x"


def test_cp1252_page_decodes():
    art = read(PAGE.replace('charset="utf-8"', 'charset="windows-1252"').replace("Friday.", "Friday \u2014 caf\u00e9.").encode("cp1252"))
    assert "Friday \u2014 caf\u00e9." in art.text


def test_htmldate_values_become_iso_8601():
    assert iso_from_htmldate("2021-01-02T18:49:00-0800") == "2021-01-02T18:49-08:00"
    assert iso_from_htmldate("2021-01-02T18:49:30") == "2021-01-02T18:49:30"
    assert iso_from_htmldate("2021-01-02T00:00:00") == "2021-01-02"
    assert iso_from_htmldate("2021-01-02") == "2021-01-02"
    assert iso_from_htmldate(None) is None


def test_author_string_is_split_into_names():
    assert split_authors("Bo Roe; Cy Doe") == ["Bo Roe", "Cy Doe"]
    assert split_authors("Bo Roe and Cy Doe") == ["Bo Roe", "Cy Doe"]
    assert split_authors(None) == []


def test_adjacent_links_are_not_glued_into_one_word():
    from quotegraph.article.html import separate_adjacent_links

    html = '<p><a href="/a">Dana Pell</a><span><a href="/b">Dana Marie Pell</a></span></p>'
    out = separate_adjacent_links(html)
    assert "</a> <span>" in out
    assert separate_adjacent_links("<p>a <a>b</a>.</p>") == "<p>a <a>b</a>.</p>"


def test_site_name_from_the_page_metadata():
    from quotegraph.article.html import page_site_name

    assert page_site_name('<meta content="Example News" property="og:site_name">') == "Example News"
    assert page_site_name("<meta name='application-name' content='Example Daily'>") == "Example Daily"
    ld = ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": "NewsArticle",'
          ' "publisher": {"@type": "Organization", "name": "The Example Post"}}]}</script>')
    assert page_site_name(ld) == "The Example Post"
    assert page_site_name('<script type="application/ld+json">{not json</script>') is None
    assert page_site_name("<p>nothing here</p>") is None


def test_outlet_from_an_exclusive_interview_when_the_page_names_no_site():
    page = PAGE.replace('<meta property="og:site_name" content="Example News">', "").replace(
        "| Example News", "").replace('<link rel="canonical" href="https://www.example.com/news/ann-poe-season-two">', "")
    page = page.replace("Copyright 2021 Example News", "").replace(
        "Poe said in an interview on Friday.", "Poe exclusively told Example Weekly on Friday.")
    assert read(page).outlet == "Example Weekly"
