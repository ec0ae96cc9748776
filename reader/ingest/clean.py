"""Cleaning: page furniture out, paragraphs in, metadata lifted from the text.

Every raw line ends up in the title, in a paragraph, in the metadata, or in
`dropped` with the rule that removed it, so the raw view loses nothing.

Lines are judged by shape and language, as jusText judges blocks (Pomikálek,
"Removing Boilerplate and Duplicate Content from Web Corpora", 2011): length
in words, density of the language's stop words (`language.stopwords`),
sentence-final punctuation, position (above the first or below the last
body line), repetition, and overlap with the body's own words. A short set of
shapes marks furniture anywhere: photo credits and captions, timestamps,
story codes, bylines, counters, captchas and HTML markup.
"""

from __future__ import annotations

import html
import os
import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType

from ..annotate.inflect import has_cyrillic, is_finite_verb
from ..models import CleanText, Dropped, Metadata, Paragraph, RawArticle
from ..searchtext import WORD_RUN
from . import metadata as md
from .dates import date_in_filename, find_date, is_month, weekday_names
from .decode import HTML_SUFFIXES
from .html import extract
from .language import detect, stopwords

# --- settings (named, as trafilatura keeps its thresholds) -------------------------------
GOOD_WORDS = 10  # a body line has at least this many words…
GOOD_LONG_WORDS = 30  # …and ends a sentence, unless it is at least this long
GOOD_STOP_DENSITY = 0.08  # share of stop words a body line has at least (when the language has a list)
TITLE_MAX_WORDS = 25
TITLE_MAX_CHARS = 220
TITLE_OVERLAP = 0.4  # share of a headline's content words found in the body
TITLE_LONGER = 1.5  # a later headline candidate this many times longer replaces an earlier one…
TITLE_LABEL_WORDS = 2  # a line this short is a headline only if the body uses all its words
TITLE_SHORT = 4  # …of at most this many words (a section or outlet name, not a headline followed by its standfirst)
STANDFIRST_WORDS = 6  # a line under the headline with this many words is kept as text
CUT_PARAGRAPH_WORDS = 15  # a prose line this long right under the body is its last paragraph, cut by the scrape
CUT_PARAGRAPH_POSITION = 2  # it is one of the first this many lines under the body
CUT_STOP_DENSITY = 0.25  # a shorter cut paragraph ending the file has at least this share of stop words
DATE_LINE_EXTRA_WORDS = 6  # words besides the date in a timestamp line
SHORT_LINE_WORDS = 14  # longer lines are text or captions, never a label, date, code or byline
DERIVED_TITLE_CHARS = 80
MASTHEAD_WORDS = md.MASTHEAD_WORDS  # an outlet's name over the page ("BBC News") has at most this many words
CREDIT_PARAGRAPHS = 3  # a "…, пишет ТАСС." credit is looked for in this many first and last paragraphs
SECTION_WORDS = 4  # "Headline | Russia-Ukraine war": a section label after a bar has at most this many words
STRAY_WORDS = 4  # a label between paragraphs ("Recommended Videos") has at most this many words
STRAY_PREFIX = 4  # letters of a word its other forms share ("визит", "визите")
INJECTED_WORDS = 5  # another story's headline between paragraphs has at least this many content words…
INJECTED_SHARED = 0.25  # …and the article uses at most this share of them elsewhere
CAPTION_WORDS = 50  # a photo caption has at most this many words (a lead of 60 ended "…culture.Russian President")
ALT_WORDS = 3  # an image's alt text over its credit, in lower case, has at most this many words
CREDIT_TAIL = 90  # characters at a line's end searched for a photo credit
HEADLINE_CONTEXT = 12  # body lines whose words a headline is compared with
EMPTY: Mapping[str, str] = MappingProxyType({})
CAPTION = "photo caption or credit"

_TERMINAL = ('.', '!', '?', '"', '”', '’', "'", ':', ')', '…', '»', '؟', '.»', ';')
_CLOSE_QUOTE = {'"': '"', '“': '”', '‘': '’', "'": "'", '«': '»'}  # each opening quotation mark's closing one
_OPEN_QUOTES = tuple(_CLOSE_QUOTE)
_CLOSING = ('.', '”', '»', '"', '’')  # how the last sentence of an article ends (not "!" or "?": forms and prompts)
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-ZА-ЯЁ“\"‘'«])")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff\u180e]")  # break words; ZWNJ/ZWJ are kept
_WIDE_SPACES = "\u00a0\u2007\u202f\u3000"  # no-break, figure, narrow no-break and ideographic spaces
_SPACES = re.compile(rf"[ {_WIDE_SPACES}\t]{{2,}}|[{_WIDE_SPACES}\t]")  # a single space is left alone
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")
_WRAPPED_TAG = re.compile(r"^<(?P<tag>[a-zA-Z][a-zA-Z0-9]*)[\s>].*</(?P=tag)>$|^<[a-zA-Z][^<>]*/?>$")
_TEXT_TAGS = {"p", "div", "span", "b", "i", "em", "strong", "u", "a", "li", "blockquote", "h1", "h2", "h3",
              "h4", "h5", "h6", "br", "font", "small", "sup", "sub"}
_ENTITY = re.compile(r"&(?:#\d{1,6}|#x[0-9a-fA-F]{1,5}|[a-zA-Z]{2,8});")
_ISO_STAMP = re.compile(r"^(?:date\s*:?\s*)?(?P<stamp>(?:19|20)\d\d-\d\d(?:-\d\d)?(?:[T ]\d\d:\d\d(?::\d\d)?)?)(?:\s+|$)", re.I)
# "NPR logo Russia Will…": a site's logo, its alt text glued to the headline by the scrape.
_LOGO = re.compile(r"^(?P<name>[A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*){0,3}) logo(?:\s+|$)")
_NOT_NAMES = ("the", "a", "an", "its", "this", "that", "our", "their", "new")
_COUNTER = re.compile(r"^[+-]?\d[\d\s.,]{0,8}$")
# A counter with what it counts ("1.2K views", "12 тыс. просмотров", "Просмотров: 1245", "تعداد بازدید: ۱۲۴۵", "23 shares").
_COUNT_NOUN = r"(?:views?|reads?|shares?|likes?|comments?|просмотр\w*|прочтени\w*|репост\w*|комментари\w*|лайк\w*|بازدید|نظر|اشتراک)"
_COUNT_WORD = re.compile(rf"^[\W_]*(?:[\d۰-۹][\d۰-۹\s.,]*(?:[kKкКmM]|тыс\.?|млн\.?|هزار)?\s*{_COUNT_NOUN}"
                         rf"|(?:تعداد )?{_COUNT_NOUN}\s*[:：]?\s*[\d۰-۹][\d۰-۹\s.,]*(?:[kKкКmM]|тыс\.?)?)[\W_]*$", re.I)
# A share bar: two or more networks or actions, each with its count ("Share 23 Tweet 5", "VK 12 OK 3").
_SHARE_BAR = re.compile(r"^(?:[\W_]*(?:share|tweet|pin|e-?mail|like|facebook|twitter|telegram|whatsapp|linkedin|vk|ok|"
                        r"поделиться|твитнуть|اشتراک)\s*[\d۰-۹]*[\W_]*){2,}$", re.I)
_CRUMB_BAR = re.compile(r"\s(?:[»›>/|]|&gt;)\s")
CRUMB_ITEMS, CRUMB_WORDS = 3, 4  # a breadcrumb trail has at least this many items, each of at most this many words


def _breadcrumb(text: str) -> bool:
    """Whether a line is a breadcrumb trail ("Home / News / Middle East", "Главная » Новости »
    Политика", "صفحه اصلی » سیاست"): CRUMB_ITEMS items or more between one kind of separator,
    each of at most CRUMB_WORDS words, none a sentence or a number."""
    bars = _CRUMB_BAR.findall(text)
    if len(bars) < CRUMB_ITEMS - 1 or len(set(bars)) > 1:
        return False
    items = _CRUMB_BAR.split(text)
    return all(1 <= len(item.split()) <= CRUMB_WORDS and not item.endswith(_TERMINAL) and not _DIGIT.search(item)
               for item in items if item.strip())  # "Moscow | Updated: 20-01-2026 16:11 IST | …" is a timestamp


# A trail's first item, its site's home page: a trail that runs into the headline on one line
# ("Home > Energy > Russia invests USD8 billion in Iran's gas sector", a newcomer's title) is cut there.
_HOME = frozenset("home главная خانه startseite accueil inicio".split()) | {"صفحه اصلی"}
_HOME_FIRST = frozenset(home.split()[0] for home in _HOME)


def _crumbs_before(text: str) -> str:
    """The breadcrumb trail a line opens with, up to its last bar, when its first item is the
    home page (`_HOME`), its items are short (CRUMB_WORDS) and the rest is longer; else "".
    Most lines fail on their first word, before any search for bars (it runs on every line)."""
    if not text.split(None, 1)[:1] or text.split(None, 1)[0].casefold() not in _HOME_FIRST:
        return ""
    bars = list(_CRUMB_BAR.finditer(text))
    if len(bars) < CRUMB_ITEMS - 1 or len({bar.group() for bar in bars}) > 1:
        return ""
    items = _CRUMB_BAR.split(text)
    if items[0].strip().casefold() not in _HOME or len(items[-1].split()) <= CRUMB_WORDS \
            or not all(1 <= len(item.split()) <= CRUMB_WORDS and not _DIGIT.search(item) for item in items[:-1]):
        return ""
    return text[:bars[-1].end()]


_CAPTCHA = re.compile(r"^\d{1,3}\s*[-+x×*]\s*\d{1,3}\s*=\s*\??$")
_STORY_CODE = re.compile(r"^(?:[^\d:：]{2,30}[:：#№]|[^\d:：]{0,20}\b(?:code|id|no|number|код|номер|کد|شناسه|شماره))\s*\d{4,}$", re.I)
_DIGIT = re.compile(r"\d")
_DOMAIN_END = re.compile(r"\.[a-z]{2,4}$")
_LETTER = re.compile(r"[^\W\d_]")
_TIME = re.compile(r"\b\d{1,2}(?:[:.]|h(?=\d\d\b))\d\d\b(?:\s*[ap]\.?m\b\.?)?", re.I)  # "14:32", "2.30 pm", French "14h32"
# A photo credit: "Name/AGENCY", "X/AFP/Getty Images", "Photo: …", "/ AP" closing a caption.
_CREDIT = re.compile(
    # (not a time zone closing a timestamp: "17:54 Asia/Kabul", "Europe/Moscow")
    r"(?:^|[\s\[(])(?!(?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)/[A-Z][\w-]*$)"
    r"[A-ZА-ЯЁ][\w'’-]*(?:\s[A-ZА-ЯЁ][\w'’-]*){0,3}/[A-ZА-ЯЁ0-9][\w-]*(?:\s[A-ZА-ЯЁ][\w-]*){0,3}(?:/[\w -]+)*[\])]?$"
    r"|(?:^|\s)(?:photo|photos|foto|фото|picture|image|credit|عکس)(?:\s*[,/&и]\s*(?:video|видео|فیلم))?\s*(?:[:：]|[-–—]\s)"
    r"|\s/\s*(?:AP|AFP|Reuters|EPA|Getty Images|ТАСС|РИА Новости)$"
    r"|(?:Stock Photo|Getty Images|hide caption|toggle caption|Photo)$"
    r"|[.!?]\s+(?:www\.)?[\w-]+\.(?:com|org|net|ru|ir|gov|gov\.ru|co\.uk)$"
    # a credit in brackets closing a caption: "(AP Photo/…)", "(photo credit: …)", "(… Copyright 2021 …)", "(Twitter/ Amb_X)"
    r"|\([^()]*(?:photo|фото|عکس|credit|copyright|©|getty|all rights reserved|public domain|creative commons)[^()]*\)$"
    r"|\((?:[\w.'’-]+ ?){1,4}/ ?[\w.'’@-]+(?: [\w.'’-]+){0,3}\)$"
    r"|\bfile photo$|\((?:file )?(?:image|photo|picture|pic)\)$"  # "European Union flags (File image)"
    # a photographer's name glued to the caption's last full stop by the scrape: "on Sept. 1.Andrii Marienko"
    r"|[.!?](?-i:[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,2})$", re.I)
_GLUED = re.compile(r"[.!?][A-Z]")
_HASHTAG = re.compile(r"(?:^|\s)#\w+")
_NAME_BEFORE_DATE = re.compile(r"^(?P<name>[^\W\d_][^\d|–—:-]{1,30}?)\s[-–—|]\s*$")
_HEADLINE_TAIL = re.compile(r"(?:\s(?P<bar>[-–—|])|(?<=[.!?]))\s(?P<outlet>[^\d\s,–—|-][^\d,–—|]{1,38}?),\s*(?P<date>\d{1,2}\.\d{1,2}\.(?:19|20)\d\d)$")
# "Iranian Defense Ministry via AP": a handout's credit, a photo agency closing a short line.
_VIA_AGENCY = re.compile(r"\bvia (?:AP|AFP|Reuters|EPA|Getty Images|ТАСС|РИА Новости|ISNA|IRNA|WANA)\)?$")
VIA_TAIL = 40  # characters at a line's end searched for "via <agency>" (searching only there is cheaper)
# Photo-caption position words: "(left)", ", right,".
_CAPTION_POSITION = re.compile(r"\((?:left|right|centre|center|second left|second right|слева|справа|links|rechts|à gauche|à droite"
                               r"|چپ|راست|وسط|يسار|يمين|(?:[1-4](?:st|nd|rd|th) )?[LRC]|L-R|R-L|left to right|слева направо"
                               r"|(?:از )?(?:راست|چپ)(?: به (?:چپ|راست))?)\)"
                               r"|,\s(?:left|right),\s", re.I)
# A byline: a label word, then names only ("By Admin", "Текст: Валерия Городецкая").
# "By Jane Roe", "By Frank Gardner, BBC security correspondent": a name, then its role or outlet after commas
_BYLINE = re.compile(r"^(?:by|von|par|por|автор|текст|tекст|text|نویسنده|به قلم)\s*:?\s+(?P<first>[A-ZА-ЯЁ\u0600-\u06ff][\w'’-]*)"
                     r"(?:[\s.]+[A-ZА-ЯЁ\u0600-\u06ff][\w.'’-]*){0,3}(?:,\s*[^,.;:!?]{2,40}){0,3}$", re.I)
_RELATIVE_TIME = re.compile(r"\b\d+\s*(?:seconds?|minutes?|mins?|hours?|days?|weeks?|months?|years?)\s+ago\b"
                            r"|\bil y a \d+\s+\w+|\d+\s+(?:секунд|минут|час|дн|недел|месяц|год|лет)\w*\s+назад", re.I)
_BULLET = re.compile(r"^[•·▪►▶»◦‣*]\s*")
_URL = re.compile(r"https?://\S+|www\.[^\s/]+\S*|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|ir|ru|info|news|co\.uk|de|fr)/\S*")
_TEASER_END = ("…", "...", "…]", "...]")
# "Russian Tank Army to receive howitzers | Defense Watch": a page title with its site's name, another story's.
_PAGE_TITLE = re.compile(r"^.{10,}\s[|｜]\s(?P<site>[A-Z][\w&'’.-]*(?: [A-Z][\w&'’.-]*){0,3}|[\w.-]+\.[a-z]{2,4})$")
# "Published: Updated:": two labels or more and nothing after them (their values were scripts).
_LABELS_ONLY = re.compile(r"^(?:[^\W\d_][\w'’-]*(?: [^\W\d_][\w'’-]*)?\s*[:：]\s*){2,4}$")

# Residue kinds of a fresh held-out set (issue 13), by shape and language:
# a newsletter or sign-up prompt, and the site's self-promotion in an article that has one;
_NEWSLETTER = re.compile(r"^(?:new\s.{0,40}\bnewsletter\b|sign up\b|subscribe\b|get (?:our|the) .{0,40}\bnewsletter\b"
                         r"|подпи(?:шитесь|саться)\b|در خبرنامه)", re.I)
_NEWSLETTER_WORD = re.compile(r"\bnewsletters?\b|рассылк|خبرنامه", re.I)  # in a line that is not body-shaped
# the promotion: the site's name and a verb in the present ("X delivers … coverage"), or "your inbox".
_SELF_PROMOTION = re.compile(r"\b(?:coverage|journalism|reporting|news|stories|inbox|e-?mail)\b|журналистик|новост|خبر", re.I)
_PROMOTER = re.compile(r"^(?P<site>(?:[A-Z][\w&.'’-]*\s){1,4})(?:delivers|brings|offers|provides|gives)\b|\byour inbox\b|\bна (?:ваш|вашу)\b")
PROMPT_WORDS = 30  # a newsletter prompt has at most this many words…
PROMOTION_WORDS = 60  # …and the site's promotion in the same article this many
# an action link alone on its line ("Send in e-mail", "READ MORE", "Читать далее", "ادامه مطلب"): a verb
# and its object, in the languages of the corpus (the labels sites put on share and more buttons);
_ACTION = re.compile(r"^(?:[\W_]*(?:read (?:more|full (?:story|article))|full (?:report|story|article)|continue reading|send (?:in|by|via|to) e-?mail"
                     r"|e-?mail (?:this|to a friend)|share(?: this(?: article| story)?| on \w+)?|print(?: this)?"
                     r"|читать (?:далее|дальше|полностью|также)|подробнее|отправить (?:по|на) (?:e-?mail|почт\w*)"
                     r"|поделиться|распечатать|ادامه(?: مطلب| خبر)?|بیشتر بخوانید|ارسال (?:به|با) (?:ایمیل|دوستان)"
                     r"|اشتراک[\s\u200c]?گذاری|چاپ(?: خبر)?))+[\W_]*$", re.I)  # "Send in e-mailSend in e-mail": twice, glued
# a pointer to the full text on another site, a digest's last line: "Read the rest of the report at the
# European Council on Foreign Relations.", "Полностью читайте на сайте РБК" (clean8 dev set, issue 13)
_ELSEWHERE = re.compile(r"^(?:(?:read|see|view) (?:the )?(?:rest|full (?:text|story|article|report)|whole (?:story|article|report))"
                        r"(?: of (?:the |this )?(?:report|article|story|piece|paper|analysis|interview))?|continue reading)"
                        r" (?:at|on|in|from) \S.*$"
                        r"|^(?:полностью читайте|читайте полностью|полный текст(?: \w+)? читайте) (?:на|в) \S.*$", re.I)
ELSEWHERE_WORDS = 16  # words of such a pointer at most: a name of an outlet or institute after the verb
# "… with the international community. READ MORE": a "more" link glued after a paragraph's last sentence;
_TRAILING_MORE = re.compile(r"(?<=[.!?\"”»])\s+(?:read more|continue reading|full (?:report|story|article)|читать (?:далее|дальше)"
                            r"|ادامه مطلب)[\W_]*$", re.I)
# …or opening one, between arrows ("▼ читать продолжение новости ▼Основная цель…");
_LEADING_MORE = re.compile(r"^[\W_]*(?:read more|continue reading|читать (?:далее|дальше|продолжение(?: новости)?)|ادامه مطلب)"
                           r"\s*[▼▲►»>]+\s*(?=\w)", re.I)
# "Читать на сайте Вестник КавказаИран проводит…": an aggregator's link to the site, glued to the lead
# (the site's name ends where a lower-case letter meets the lead's capital; a newcomer's page).
_READ_ON_SITE = re.compile(r"^(?:[Чч]итать|[Чч]итайте|Read it|Read this)\s+(?:на сайте|on)\s+"
                           r"(?P<site>[A-ZА-ЯЁ][^\n]{1,40}?[a-zа-яё])(?=[A-ZА-ЯЁ][a-zа-яё])")
# a ticker: headlines each glued to its time ("…в Казахстан 26 Ноябрь 2025 г., 15:56Президент…");
_GLUED_TIME = re.compile(r"\b\d{1,2}:\d\d(?=[^\W\d_])")
TICKER_TIMES = 2  # at least this many times glued to the next headline
_TICKER_TIME = re.compile(r"(?:^|\s)\d{1,2}:\d\d\s+(?=[^\W\d_])")  # a time between two headlines of a ticker
TICKER_WORDS = 3  # a ticker's headline after its time has at least this many words


def _ticker(text: str) -> bool:
    """Whether a line is a news ticker: TICKER_TIMES clock times or more, each followed by a
    headline of TICKER_WORDS words or more ("Новости дня 12:05 Курс рубля вырос 12:30 В Москве
    похолодает"); a byline's "Updated: … 16:11 IST | Created: … 16:11 IST" has bars instead."""
    if text.count(":") < TICKER_TIMES or "|" in text or len(_TICKER_TIME.findall(text)) < TICKER_TIMES:
        return False
    headlines = _TICKER_TIME.split(text)[1:]
    return sum(len(_WORD.findall(headline)) >= TICKER_WORDS for headline in headlines) >= TICKER_TIMES


# a button's label in capitals glued to the lead: four or more words in capitals, a stop word among them (a
# dateline in capitals is a place's one or two words, "ТЕГЕРАН", "NEW DELHI");
_CAPS_LABEL = re.compile(r"^(?P<label>(?:[A-ZА-ЯЁ]{2,}\s+){4,8})(?=[A-ZА-ЯЁ][a-zа-яё])")
# a player's notice that the browser cannot show it, in English, Russian and Persian;
_PLAYER = re.compile(r"(?:browser|браузер|مرورگر).{0,60}?(?:does ?n[o']t support|не поддерживает|پشتیبانی\s?(?:نمی|نمی\u200c)\s?کند)"
                     r"|(?:does ?n[o']t support|не поддерживает).{0,20}?(?:video|audio|видео|аудио)", re.I)
PLAYER_WORDS = 20  # a player's notice has at most this many words
# an embedded post that cannot be shown ("This post can't be displayed because…"), looked for in lines with such a verb
_EMBED = re.compile(r"\b(?:post|tweet|content|video|embed)s? (?:can['’]?not|can['’]t|could not|couldn['’]t) be (?:displayed|shown|loaded)"
                    r"|(?:публикаци\w*|пост|контент|видео) не (?:может быть|удалось) (?:отображ|показ|загруз)\w*", re.I)
_EMBED_VERBS = ("display", "shown", "loaded", "отображ", "показ", "загруз")
MORE_TAIL = 40  # characters at a paragraph's end searched for a glued "READ MORE"
# an editorial note about the piece itself ("This content was produced in Russia where the law…",
# "This article was originally published…", "Данный материал…", "Dieser Artikel…"), a label may open it;
_EDITORIAL_NOTE = re.compile(
    r"^(?:(?:summary|note|editor['’]s note|примечание)\s*:?\s+)?(?:"
    r"(?:this|the following) (?:content|article|story|page|material|piece|post|video|image|photo|picture|illustration) (?:was|has been|is|contains|may|will|first|does)\b"
    r"|(?:image|photo|picture)s? (?:is |are )?(?:for )?illustrative(?: purposes)?\b|(?:фото|изображение|снимок) (?:носит )?иллюстративн"
    r"|(?:عکس|تصویر) (?:تزئینی|تزیینی|آرشیوی) است"
    r"|(?:этот|данный|настоящий) материал\b|данное сообщение \(материал\)"
    r"|(?:dieser|der folgende) (?:artikel|beitrag|inhalt) (?:wurde|ist|erschien)\b|(?:cet article|ce contenu) (?:a été|est)\b)", re.I)
NOTE_WORDS = 40  # an editorial note has at most this many words
# "Читайте также: <another story's headline>", "Read also:", "بیشتر بخوانید:", "Lesen Sie auch:"; the words
# announcing other stories, which `_RELATED_LABEL` (such a label alone on its line) takes too;
_ANNOUNCE = (r"read (?:also|more)|see also|also read|related|читайте также|смотрите также|по теме"
             r"|بیشتر بخوانید|lesen sie auch|mehr zum thema|(?:à )?lire aussi")
_READ_ALSO = re.compile(rf"^[\W_]*(?:{_ANNOUNCE}|читайте (?:ещё|еще)|همچنین بخوانید|بخوانید)(?: (?:about|on|more))?\s*[:：]\s*\S", re.I)
READ_ALSO_WORDS = 25  # with the headline it announces, at most this many words
# a list of tags: four or more short items between commas, most of them tags proper (`_tag_list`);
_LIST_COMMA = re.compile(r"\s*[,،]\s*")
TAG_ITEMS, TAG_WORDS, TAG_LONGEST, TAG_SHARE = 4, 3, 6, 0.6
# a desk byline ("Tehran Times Political Desk"): capitalised names, a desk's beat, "Desk";
_DESK = re.compile(r"^(?P<name>(?:[A-Z][\w&.'’-]*\s+){1,4}?)(?:(?P<beat>[A-Z][a-z]+)\s+)?Desk(?:$|\s*[:：|–—-]\s*(?=\S))")
# a Russian byline's first line, a date and the outlet ("31.08.2025, ПРАЙМ"), then the author's name.
_DATED_OUTLET = re.compile(r"^(?:.{10,}?\s[-–—]\s)?(?P<date>\d{1,2}\.\d{1,2}\.(?:19|20)\d\d)\s*,\s*(?P<name>[^\W\d][^,\d]{1,30}?)\.?$")
_AUTHOR = re.compile(r"^[A-ZА-ЯЁ][a-zа-яё'’-]+(?: [A-ZА-ЯЁ][a-zа-яё'’.-]+){1,2}$")
LEAD_CREDIT, CREDIT = 1, 5  # rank of an outlet credited by the lead (the paragraph after it: one more), and by a closing one
WEAK = 6  # rank of metadata a residue line gives: used only when nothing else names it


@dataclass(slots=True)  # made for every raw line, read in every pass: slots make both cheaper
class _Line:
    number: int  # 1-based raw line number
    text: str  # normalised: spaces folded, invisible characters and markup out
    words: int = 0
    tokens: tuple[str, ...] = ()  # its words, lower case
    stop_density: float = 0.0
    good: bool = False
    gone: bool = False
    repeated: bool = False
    reason: str = ""  # why it was dropped
    stems: set[str] | None = None  # its content words cut to a prefix (`_stems`), computed once
    address: str = ""  # how it speaks to the reader, if it does (`_address`): "cookie", "prompt", "you"
    stopped_headline: bool = False  # a headline written with a full stop, over a dateline (`_sentence_over_dateline`)

    @property
    def terminal(self) -> bool:
        return self.text.endswith(_TERMINAL)


@dataclass
class _Found:
    """Metadata candidates with their strength (lower wins)."""

    dates: list[tuple[int, int, str]]  # (rank, line, iso)
    sources: list[tuple[int, int, str]]
    dateline: str | None = None

    def best_date(self, lead: int | None) -> str | None:
        """The strongest date, the first of equally strong ones; of bare dates (BARE_DATE: no label, no
        time), the nearest above the lead (raw line `lead`): a site prints today's date over its masthead
        and the story's by the headline ("Gegründet 1947 Montag, 21. Oktober 2019, Nr. 244" … "26.11.2015 /
        Ausland / Seite 7"; dev set clean11), while stamps with a time come published, then modified."""
        def key(entry: tuple[int, int, str]) -> tuple[int, bool, int]:
            rank, number, _ = entry
            above = rank == BARE_DATE and lead is not None and number < lead
            return rank, not above, -number if above else number
        return min(self.dates, key=key)[2] if self.dates else None

    def best(self, kind: str) -> str | None:
        found = getattr(self, kind)
        return min(found)[2] if found else None


def clean(raw: str, *, name: str = "", outlets: Mapping[str, str] = EMPTY, language: str | None = None) -> CleanText:
    """Clean a sanitised raw article text (lines separated by "\\n").

    `name`: the file name (a title or date may be derived from it);
    `outlets`: alias or domain (lower case) -> display name, the `sources:` table;
    `language`: an ISO 639-1 code, detected from the text when not given.
    """
    language = language or detect(raw)
    stop = stopwords(language)
    lines = [_Line(n, t) for n, t in enumerate(raw.split("\n"), start=1)]
    dropped: list[Dropped] = []
    found = _Found([], [])

    def drop(line: _Line, reason: str, text: str | None = None) -> None:
        dropped.append(Dropped(line.number, line.text if text is None else text, reason))
        if text is None:
            line.gone, line.reason = True, reason

    for line in lines:
        if line.text:  # half a file's lines are the blank ones between paragraphs: nothing to normalise
            _normalise(line, drop, found, outlets)
    content = _merge(lines, _hard_wrapped(lines))
    _reference_marks(content, drop)
    for line in content:
        _measure(line, stop)
    _bulleted_sentences(content)
    first = next((i for i, line in enumerate(content) if line.good), None)
    demoted = None  # the headline written as a sentence, which no fallback below makes body again
    if first is not None and _question_headline(content[first:], opening=all(ln.gone for ln in content[:first])):
        demoted = content[first]  # "Will Putin’s Su-35s Give Tehran Air Superiority…?" over a label: the headline
        demoted.good = False
    elif first is not None:  # "… to discuss ground forces cooperation." over "MOSCOW, Aug 21 (Reuters) – …": the headline
        for above in (first, first - 1) if first else (first,):
            if _sentence_over_dateline(content[above:], outlets):
                demoted = content[above]
                demoted.good, demoted.stopped_headline = False, True
                break
    if not any(ln.good for ln in content):  # a short text: every sentence is body…
        # …but the headline asking its question over a teaser ("…؟" over a lead cut with "..."), which
        # became body again here, its copy kept as the first paragraph under a title derived from it
        for line in content:
            line.good = line.terminal and line.words >= 2 and line is not demoted
    if not any(ln.good for ln in content):  # …and without sentences, every line is
        for line in content[1:] or content:
            line.good = True
    _end_marker(content, drop, found, outlets)
    _split_labels(content, drop, found, outlets)
    for line in content:
        if not line.gone:
            _furniture_shapes(line, drop, found, outlets, stop)
    _page_frame(content, drop)
    _tag_lines(content, drop)
    _comment_section(content, drop)
    _residue_neighbours(content, drop, found, outlets)
    _reader_address(content, drop)
    _site_tagline(content, drop)
    _author_biography(content, drop)
    _legal_notice(content, drop)
    _related_block(content, stop, drop, found)
    _below_the_cut(content, drop)
    _caption_under_credit(content, drop)
    _labelled_captions(content, drop)
    _repeats(content, drop)
    _caption_over_byline(content, drop, outlets)
    body = [ln for ln in content if not ln.gone or ln.reason == ACTION]  # "READ MORE" still marks where the body ends
    good = [i for i, ln in enumerate(body) if ln.good]
    first, last = (good[0], good[-1]) if good else (len(body), -1)
    title_line = _headline(body[:first], body[first:], content, stop, outlets)
    _top_zone(body[:first], title_line, body[first:], drop, found, outlets)
    _bottom_zone(body[last + 1:] if good else [], content[-1] if content else None, drop, found, outlets)
    _address_label(content, drop)
    _caption_above_lead(content, title_line, drop)
    _caption_under_headline(content, title_line, stop, drop)
    _doubled_captions(content, title_line, drop)
    _captions(content, drop)
    _caption_by_credit(content, title_line, drop)
    _strays(body[first:last + 1] if good else [], title_line, stop, drop)

    paragraphs = [(ln.number, ln.text) for ln in content if not ln.gone and ln is not title_line]
    paragraphs = _lift_dateline(paragraphs, found, outlets, drop, stop)
    paragraphs = _collapse_duplicates(paragraphs, drop)
    others = {ln.text.casefold() for ln in content if ln is not title_line}
    headline = _undoubled(title_line, _without_section(title_line, drop, found, outlets, others), drop) if title_line else ""
    if title_line is not None:
        paragraphs = [(n, t) for n, t in paragraphs if t not in (title_line.text, headline)] or paragraphs
        if cut := _glued_standfirst(headline):  # "… speed up railway The two neighbours want …": two lines in one
            headline, standfirst = headline[:cut].rstrip(), headline[cut:]
            paragraphs.insert(0, (title_line.number, standfirst))

    count = len(paragraphs)
    for position in [*range(min(CREDIT_PARAGRAPHS, count)), *range(max(0, count - CREDIT_PARAGRAPHS), count)]:
        number, text = paragraphs[position]
        if credited := md.credited_outlet(text, outlets):  # "…, пишет ТАСС."
            # a credit in the first two paragraphs ("…, IRNA reported.", "…, пишет ТАСС.") attributes the story and
            # outranks the site's own name (after the headline, in a masthead or footer); one in the closing
            # paragraphs is used only when nothing else names a source (issue 13's order of evidence)
            found.sources.append((LEAD_CREDIT + position if position < 2 else CREDIT, number, credited))
            break
    provenance = {"language": "derived"} if language else {}
    if title_line is not None:
        if _unemphasised(headline) == headline and (bullet := _BULLET.match(headline)):  # the one bulleted line over the body
            drop(title_line, "bullet before the headline", bullet.group().strip())
            headline = headline[bullet.end():]
        if title_line.stopped_headline and headline.endswith("."):
            drop(title_line, "full stop closing the headline", ".")
            headline = headline[:-1]
        title, provenance["title"] = _unemphasised(headline), "text"
        if title != headline:  # the markers are the file's text too
            marker = headline[:headline.index(title)]
            drop(title_line, "Markdown emphasis around the headline", f"{marker} {marker}")
    else:
        lead = paragraphs[0][1] if paragraphs else ""
        title, provenance["title"] = derive_title(name, lead[md.attribution_end(lead):].lstrip())
    when = found.best_date(body[first].number if good else None)
    if when:
        provenance["date"] = "text"
    elif when := date_in_filename(name):
        provenance["date"] = "file name"
    source = found.best("sources")
    if source:
        source = md.table_name(source, outlets)
        provenance["source"] = "text"
    if found.dateline:
        provenance["dateline"] = "text"
    result = tuple(Paragraph(i, _kind(text, i, len(paragraphs)), text, number, _url_spans(text))
                   for i, (number, text) in enumerate(paragraphs))
    meta = Metadata(title=title, source=source, date=when, dateline=found.dateline, language=language,
                    provenance=tuple(sorted(provenance.items())))
    return CleanText(meta, result, tuple(sorted(dropped, key=lambda d: d.line)))


def clean_article(raw: RawArticle, outlets: Mapping[str, str] = EMPTY) -> CleanText:
    """Clean one decoded file: a `.html`/`.htm` page through its main-text extractor
    (`html.extract`; the page's own title, date, source and URL win, with provenance
    "html"), any other file as text."""
    if raw.path.suffix.lower() not in HTML_SUFFIXES:
        return clean(raw.text, name=raw.path.name, outlets=outlets)
    page = extract(raw.text)
    result = clean(page.text, name=raw.path.name, outlets=outlets)
    meta, origins = result.meta, result.meta.origins
    stated = {"title": page.title, "date": page.date, "source": page.source, "url": page.url}
    stated = {key: value for key, value in stated.items() if value}
    origins.update(dict.fromkeys(stated, "html"))
    meta = replace(meta, **stated, provenance=tuple(sorted(origins.items())))
    paragraphs = tuple(p for p in result.paragraphs if p.text != meta.title)
    return CleanText(meta, tuple(replace(p, index=i) for i, p in enumerate(paragraphs)), result.dropped)


# --- one line at a time --------------------------------------------------------------------

def visible(text: str) -> str:
    """One line as the clean view shows it: spaces folded, soft hyphens and other
    word-breaking invisible characters removed, HTML tags left in a .txt removed and
    its entities ("&rsquo;", "&amp;", "&nbsp;") decoded."""
    if not text.isascii():
        text = _INVISIBLE.sub("", text)
    if "<" in text and ">" in text:
        text = _TAG.sub(" ", text)
    if "&" in text and ";" in text:
        text = _ENTITY.sub(lambda m: html.unescape(m.group()), text)
    if "  " in text or "\t" in text or not text.isascii() and any(space in text for space in _WIDE_SPACES):
        text = _SPACES.sub(" ", text)  # tested first: the substitution on every line cost 4x the tests
    return text.strip()


# A wiki's edit link beside a heading, in brackets: "[ edit ]", "[edit | edit source]", "[ править ]",
# "[ Редагувати ]", "[ ویرایش ]", as a scrape of a wiki page keeps it after the headline and each section's title.
_EDIT_LINK = re.compile(r"\s*\[\s*(?:edit|edit source|править|править код|редактировать|редагувати|редагувати код|ویرایش|"
                        r"ویرایش مبدأ|bearbeiten|quelltext bearbeiten|modifier|modifier le code|editar|modifica)"
                        r"(?:\s*[|·]\s*(?:edit source|править код|редагувати код|ویرایش مبدأ|quelltext bearbeiten|modifier le code))?\s*\]",
                        re.I)
EDIT_LINK = "wiki edit link"


def _normalise(line: _Line, drop: Callable, found: _Found, outlets: Mapping[str, str]) -> None:
    """The visible text of a line; a line that is only markup (an <img>, an <image>
    holding a data: URI) is dropped; a leading ISO stamp ("date 2018-03-02 …", as
    some scrapers write) is lifted."""
    if line.text.lstrip().startswith("<"):
        folded = _SPACES.sub(" ", line.text).strip()
        wrapped = _WRAPPED_TAG.match(folded)
        if wrapped and (wrapped.group("tag") or "").lower() not in _TEXT_TAGS:
            line.text = folded
            drop(line, "HTML markup")
            return
    text = visible(line.text)
    if " logo" in text and (logo := _LOGO.match(text)) and logo.group("name").split()[0].lower() not in _NOT_NAMES:
        found.sources.append((3, line.number, logo.group("name")))
        drop(line, "site logo (source metadata)", logo.group(0).strip())
        text = text[logo.end():]
    if stamp := _ISO_STAMP.match(text):
        if when := find_date(stamp.group("stamp")):
            found.dates.append((2, line.number, when[0]))
        line.text = text
        drop(line, "timestamp (date metadata)", stamp.group(0).strip())
        text = text[stamp.end():].strip()
    if "[" in text and (edits := list(_EDIT_LINK.finditer(text))):  # "Заголовок раздела [ править ]"
        line.text = text
        rest = _EDIT_LINK.sub(" ", text).strip()
        if not rest:
            drop(line, EDIT_LINK)
            return
        for edit in edits:
            drop(line, EDIT_LINK, edit.group(0).strip())
        text = _SPACES.sub(" ", rest)
    if text[-1:].islower() and (glued := _GLUED_CREDIT.search(text)) and ((known := glued.group("outlet").casefold() in outlets) or not glued.group("outlet").isascii()):
        line.text = text  # "…реки Евфрат.Интерфакс": a news aggregator's credit ("…in Kyiv.Andrii Marienko" is a photographer's)
        if known:
            found.sources.append((CREDIT, line.number, glued.group("outlet")))
        drop(line, "wire credit glued to the sentence (source metadata)", glued.group("outlet"))
        text = text[:glued.start("outlet")]
    line.text = text


# An outlet's name glued without a space to the full stop closing a line, as news aggregators
# (dzen.ru stories) credit each sentence: "…с президентом России.Интерфакс"; a name in Latin letters
# is cut only when the outlet table knows it, as photographers sign captions so. Three lower-case
# letters before the stop keep "in St.Petersburg" and "U.S.Army" whole (dev set clean8, issue 13).
# It ends on a lower-case letter: `_normalise` tests that first, as a search along every line costs more than `visible`.
_GLUED_CREDIT = re.compile(r"(?<=[a-zа-яё]{3}[.!?])(?P<outlet>[A-ZА-ЯЁ][a-zа-яё]+(?:[ -][A-ZА-ЯЁ]?[a-zа-яё]+)?)$")


def _measure(line: _Line, stop: frozenset[str]) -> None:
    line.tokens = tuple(_WORD.findall(line.text.lower()))
    line.words = len(line.tokens)
    if line.tokens and stop:
        line.stop_density = sum(map(stop.__contains__, line.tokens)) / line.words
    dense = line.stop_density >= GOOD_STOP_DENSITY or not stop
    line.good = (not line.gone and dense and line.words >= GOOD_WORDS and not line.text.endswith(_TEASER_END)
                 and (line.terminal and not _quote_ended(line.text)
                      or line.words >= GOOD_LONG_WORDS and _title_words(line.text) == TITLE_MAX_WORDS)  # not headlines joined by slashes
                 and not _title_case(line))


BULLET_RUN = 2  # bulleted lines of prose in a row: a list of the article's points


def _bulleted_sentences(content: list[_Line]) -> None:
    """Bulleted lines of prose, BULLET_RUN or more in a row, are body though they end without a full
    stop ("▪️ Putin expressed hope that Iran and Israel will exercise restraint…", a post's points):
    each has GOOD_WORDS words or more and its language's share of stop words, and is not in Title
    Case. A menu's or a related list's bulleted items are shorter."""
    run: list[_Line] = []
    for line in [*content, None]:
        if line is not None and not line.gone and _BULLET.match(line.text) and line.words >= GOOD_WORDS \
                and line.stop_density >= GOOD_STOP_DENSITY and not _title_case(line):
            run.append(line)
            continue
        if len(run) >= BULLET_RUN:
            for item in run:
                item.good = True
        run = []


TITLE_CASE_SHARE = 0.7  # a headline in Title Case ("… Meets with … on the Sidelines of the Sochi Summit (Excerpts)")


def _title_case(line: _Line) -> bool:
    """Whether a line is written in Title Case without a closing full stop, as English headlines
    are: most (TITLE_CASE_SHARE) of its words capitalised, short joining words aside."""
    if line.text.endswith(".") or line.words < GOOD_WORDS:  # most body lines stop here, before any split
        return False
    words = [w for w in line.text.split() if w[:1].isalpha()]
    if len(words) < GOOD_WORDS or not words[0][:1].isupper():
        return False
    long_words = [w for w in words if w.lower().strip("'’") not in _SMALL_WORDS]
    return bool(long_words) and sum(w[:1].isupper() for w in long_words) >= TITLE_CASE_SHARE * len(long_words)


_SMALL_WORDS = frozenset("a an the and or but of on in at to for with by from as over into".split())


def _furniture_shapes(line: _Line, drop: Callable, found: _Found, outlets: Mapping[str, str],
                      stop: frozenset[str]) -> None:
    """Lines that are furniture wherever they stand."""
    text = line.text
    if _URL.fullmatch(bare := text.strip(" |•·-–—")):  # before the length test: a slug's words are many
        if outlet := _stamp_outlet(bare, outlets):  # "http://today.reuters.com/news/…": weak, used when nothing else names one
            found.sources.append((WEAK, line.number, outlet))
        return drop(line, WEB_ADDRESS)
    if text[-1:].isdigit() and (tail := _HEADLINE_TAIL.search(text)) and len(text[:tail.start()].split()) >= 4 \
            and (tail.group("bar") or md.outlet_shaped(tail.group("outlet"), outlets)) and (when := find_date(tail.group("date"))):
        # "Иран хочет увеличить … из России — РИА Новости, 27.07.2022": the outlet and date after a headline, or
        # after the page's description of the story, a sentence, where an outlet's name follows it ("… заявил
        # Лавров. РИА Новости, 05.02.2026"; "… was signed. Moscow, 12.03.2020" names a place)
        found.sources.append((3, line.number, md.outlet_part(tail.group("outlet"), outlets)))
        found.dates.append((1, line.number, when[0]))
        drop(line, "outlet and date after the headline (metadata)", tail.group(0).strip())
        line.text = text = text[:tail.start()]
        _measure(line, stop)
    if (reason := _residue(line, found, outlets, stop, drop)) is not None:
        return drop(line, reason)
    text = line.text  # a desk byline may have been cut off its opening
    if line.words > SHORT_LINE_WORDS:  # a long line can only be a caption, and a paragraph-long one is none
        if line.words <= CAPTION_WORDS and (_credit(text) or _CAPTION_POSITION.search(text) or _VIA_AGENCY.search(text, max(0, len(text) - VIA_TAIL))):
            drop(line, CAPTION)  # "…in a military drone drill in Iran. (Iranian Army via AP)"
        return
    if line.words == 0 and not _DIGIT.search(text):
        if len(text) <= 3:
            drop(line, "decoration")
        return
    if _CAPTCHA.match(text):
        return drop(line, "captcha")
    if _COUNTER.match(_BULLET.sub("", text)) or _COUNT_WORD.match(text):  # "1 204", "• 23"
        return drop(line, "counter")
    if _SHARE_BAR.match(text):
        return drop(line, ACTION)
    if _breadcrumb(text):
        return drop(line, "breadcrumb trail")
    if crumbs := _crumbs_before(text):
        drop(line, "breadcrumb trail", crumbs.strip())
        line.text = text = text[len(crumbs):]
        _measure(line, stop)
    if _STORY_CODE.match(text):
        return drop(line, "story code")
    if (source := md.attribution(text, outlets)) is not None:
        found.sources.append((0 if md.labelled(text) else 1, line.number, source))
        return drop(line, "source attribution (source metadata)")
    if holder := md.copyright_holder(text, outlets):  # the site's own name: used when nothing better names a source
        found.sources.append((3, line.number, holder))
        return drop(line, "copyright line (source metadata)")
    if desk := md.bar_byline(text, outlets):  # "By Jane Roe | Devdiscourse News Desk | Moscow | Updated: …"
        found.sources.append((2, line.number, desk))
        if when := find_date(text):
            found.dates.append((1, line.number, when[0]))
        return drop(line, "byline (source metadata)")
    if _LABELS_ONLY.match(text):
        return drop(line, "labels without values")
    if not line.good and (source := md.byline_source(text.split("|")[-1], outlets)) is not None:
        found.sources.append((2, line.number, source))
        if when := find_date(text):
            found.dates.append((1, line.number, when[0]))
        return drop(line, "byline or credit (source metadata)")
    if not text.endswith(".") and (stamped := _stamped_byline(text)):
        found.dates.append((_date_rank(text), line.number, stamped))
        return drop(line, "byline with a timestamp (date metadata)")
    if _EMBED_SIGNATURE.match(text):
        return drop(line, EMBED_SIGNATURE)
    if when := find_date(text):
        rest = text[:when[1]] + text[when[2]:]
        extra = len(_WORD.findall(_TIME.sub(" ", rest)))
        if extra > DATE_LINE_EXTRA_WORDS and not line.terminal and (again := find_date(text[when[2]:])):
            # published and updated on one line ("Publié le mardi 12 mars 2024 à 14h32 Mis à jour le 12 mars 2024 à
            # 16h05"), not a sentence: each date has its own label and time, DATE_LINE_EXTRA_WORDS words each (dev set clean11)
            rest = text[:when[1]] + text[when[2]:when[2] + again[1]] + text[when[2] + again[2]:]
            extra = len(_WORD.findall(_TIME.sub(" ", rest))) - DATE_LINE_EXTRA_WORDS
        if extra <= DATE_LINE_EXTRA_WORDS:
            found.dates.append((_date_rank(rest), line.number, when[0]))
            named = _NAME_BEFORE_DATE.match(text[:when[1]])
            if named and named.group("name").lower() not in weekday_names() and not _PUBLISHED.search(named.group("name")):
                # "پیک ایران - ۲۸ تیر ۱۴۰۱": an outlet's byline, its name and a dash before the date
                found.sources.append((3, line.number, md.outlet_part(named.group("name"), outlets)))
            elif outlet := _stamp_outlet(rest, outlets) or _stamp_outlet(_BAR.split(text)[0], outlets):
                found.sources.append((2, line.number, outlet))  # "5 апреля 2016 года, Интерфакс http://…", "Reuters | Updated: …"
            return drop(line, "timestamp (date metadata)")
    if line.words <= 8 and _DIGIT.search(text) and _RELATIVE_TIME.search(text):
        return drop(line, "timestamp")
    if (byline := _BYLINE.match(text)) and not text.endswith(".") and not (
            byline.group("first").lower() in weekday_names() or is_month(byline.group("first"))):  # "By Tuesday, …"
        named = text.split(None, 1)[1].lstrip(": ")  # "By Reuters", "By Reuters Staff": an outlet signs it
        if (outlet := md.outlet_part(named, outlets)).lower() in outlets:
            found.sources.append((2, line.number, outlet))
            return drop(line, "byline (source metadata)")
        return drop(line, "byline")
    if (_credit(text) or _CAPTION_POSITION.search(text) or _VIA_AGENCY.search(text, max(0, len(text) - VIA_TAIL))) and not text.startswith(_OPEN_QUOTES):
        return drop(line, CAPTION)


# The heading of a comment section, alone on its line, in the corpus's languages ("Post a Comment",
# "No comments:", "Комментарии (3)", "نظرات کاربران", "نظر شما", "Kommentare", "Laisser un commentaire").
_COMMENTS = re.compile(
    r"^[\W\d_]*(?:(?:no |\d+ )?comments?(?: (?:are|is) (?:closed|disabled|turned off))?|комментарии (?:закрыты|отключены)"
    r"|(?:امکان )?(?:ارسال )?نظرا?ت? (?:بسته|غیرفعال)(?: است| شده است)?|(?:keine )?kommentare(?: sind geschlossen)?|(?:add|post|write|leave) (?:a |new |your )?(?:comment|reply)|your comment"
    r"|(?:ваш |оставить |написать |добавить )?комментари\w*|(?:ارسال )?(?:نظرات(?: کاربران)?|نظر(?: شما)?)|دیدگاه(?:[\s\u200c]?(?:ها|شما))?"
    r"|kommentar|(?:laisser un |\d+ )?commentaires?|commentaires fermés)[\W\d_]*$", re.I)


FRAME_CHARS = 60  # the page's own text at the top and again at the foot shares at least this many characters


def _page_frame(content: list[_Line], drop: Callable) -> None:
    """The site's description opening the page and repeated (perhaps cut) closing it ("This
    page is the English version of … website…"): the page's frame, not the article."""
    alive = [line for line in content if not line.gone]
    if len(alive) < 3:
        return
    top, foot = alive[0], alive[-1]
    shared = len(os.path.commonprefix([top.text, foot.text]))
    if shared >= FRAME_CHARS and shared >= 0.9 * min(len(top.text), len(foot.text)):
        drop(top, "the site's text at the top and the foot")
        drop(foot, "the site's text at the top and the foot")


WEB_ADDRESS = "web address"


def _address_label(content: list[_Line], drop: Callable) -> None:
    """A line ending with a colon over nothing but web addresses and furniture to the end of the page
    ("Press TV’s website can also be accessed at the following alternate addresses:" / "www.presstv.co.uk"):
    the label of the addresses, the site's, not the article's last paragraph (dev set clean11)."""
    for position, line in enumerate(content[:-1]):
        if (not line.gone and line.text.endswith((":", "：")) and content[position + 1].reason == WEB_ADDRESS
                and all(later.gone for later in content[position + 1:])):
            drop(line, "label of web addresses below the article")


TAG_RUN = 2  # lines in a row, each a tag in lower case, that make a list of tags at least


def _tag_lines(content: list[_Line], drop: Callable) -> None:
    """Tags one a line ("сша" / "иран" / "казем джалали"): TAG_RUN lines or more in a row, each of at
    most TAG_WORDS words, opening in lower case and not a sentence (a subheading or a list item of the
    article opens with a capital). Dev set clean11."""
    run: list[_Line] = []
    for line in [*content, None]:
        if line is not None and not line.gone and 1 <= line.words <= TAG_WORDS and line.text[:1].islower() \
                and not line.terminal:
            run.append(line)
            continue
        if len(run) >= TAG_RUN:
            for tag in run:
                tag.good = False
                drop(tag, "tag list")
        run = []


def _comment_section(content: list[_Line], drop: Callable) -> None:
    """The heading of a comment section after some body text ends the article: it and
    every line after it (the form, its notices, the readers' comments) are the site's,
    but for a footer domain closing the file (the bottom zone's: it names the source)."""
    good = [i for i, line in enumerate(content) if line.good]
    for position in range(good[0] + 1 if good else len(content), len(content)):
        line = content[position]
        if not line.gone and len(line.text.split()) <= 5 and _COMMENTS.match(line.text):
            for after in content[position:]:
                if not after.gone and not (after is content[-1] and md.footer_domain(after.text)):
                    drop(after, "comment section")
            return


_LABEL_ALONE = re.compile(r"^[^\W\d_][^\d:：]{1,30}[:：]$")
LABEL_VALUE_WORDS = 6  # the value under a label alone on its line has at most this many words


def _split_labels(content: list[_Line], drop: Callable, found: _Found, outlets: Mapping[str, str]) -> None:
    """A label alone on its line and its value on the next ("Story Code:" / "1067665",
    "منبع:" / "خبرگزاری ایسنا", "Published:" / "5 July 2023"), read as the one line they
    are: a story code, a source attribution or a timestamp drops both lines."""
    alive = [line for line in content if not line.gone]
    for label, value in zip(alive, alive[1:]):
        if label.gone or not _LABEL_ALONE.match(label.text) or len(label.text.split()) > 3 \
                or not 1 <= len(value.text.split()) <= LABEL_VALUE_WORDS or value.text.endswith(_TERMINAL):
            continue
        joined = f"{label.text} {value.text}"
        if _STORY_CODE.match(joined):
            reason = "story code"
        elif (source := md.attribution(joined, outlets)) is not None:
            found.sources.append((0 if md.labelled(joined) else 1, label.number, md.outlet_part(source, outlets)))
            reason = "source attribution (source metadata)"
        elif (when := find_date(joined)) is not None and not _WORD.findall(_TIME.sub(" ", joined[when[2]:])):
            found.dates.append((1, label.number, when[0]))
            reason = "timestamp (date metadata)"
        else:
            continue
        drop(label, reason)
        drop(value, reason)


# A label saying what a date is: the article's publication ranks first; an update, after a bare date
# (a page's own date over its header, "۰۹ ارديبهشت ۱۴۰۳", stood above a 1388 article's "تاریخ انتشار").
# An embedded post's signature under its text, as Twitter's embed code writes it: a dash, the author's
# name, the handle in brackets and the post's date ("— Javad Zarif (@JZarif) December 30, 2019"). The
# date is the post's, not the article's (a Russian page quoting a tweet was dated by it; dev set clean11).
_EMBED_SIGNATURE = re.compile(r"^[—–-]\s*[^()\n]{1,60}?\s*\(@\w{1,30}\)\s*\S")
EMBED_SIGNATURE = "embedded post's signature (its date is the post's)"
_PUBLISHED = re.compile(r"\b(?:published|posted|publication date|date of publication|added on)\b|опубликовано|дата публикации"
                        r"|تاریخ انتشار|(?:^|\s)انتشار\s*:|veröffentlicht|publié", re.I)
_UPDATED = re.compile(r"\b(?:updated|modified)\b|обновлено|изменено|به[\s\u200c]?روز[\s\u200c]?(?:شده|رسانی)|بروزرسانی"
                      r"|aktualisiert|mis à jour", re.I)


_BAR = re.compile(r"\s[•|·]\s")


def _stamped_byline(text: str) -> str | None:
    """The date of a line that is a timestamp and a byline between bars ("11:35 21.07.2022 •
    Владимир Сажин, старший научный сотрудник…", "Jane Doe | 5 July 2023 09:12"), as ISO,
    or None: one part states a full date with at most a time and a weekday besides."""
    parts = _BAR.split(text)
    for part in parts if len(parts) >= 2 else ():
        if (when := find_date(part)) and len(_WORD.findall(_TIME.sub(" ", part[:when[1]] + part[when[2]:]))) <= 1:
            return when[0]
    return None


def _stamp_outlet(rest: str, outlets: Mapping[str, str]) -> str | None:
    """The outlet of the table a timestamp line names besides its date and time, in words
    or as its web address ("…, Интерфакс http://www.interfax.ru"), or None."""
    words = " ".join(_WORD.findall(_TIME.sub(" ", _URL.sub(" ", rest)))).lower()
    if words in outlets:
        return outlets[words]
    hosts = (address.group().split("//")[-1].split("/")[0] for address in _URL.finditer(rest))
    return next((outlet for host in hosts if (outlet := md.domain_outlet(host, outlets))), None)


BARE_DATE = 1  # `_date_rank` of a timestamp with neither a label nor a time


def _date_rank(label: str) -> int:
    """The rank (lower wins) of a timestamp line's date by the words beside it: a publication
    label -1, a time 0, nothing 1, an update label 2."""
    if _UPDATED.search(label):
        return 2
    if _PUBLISHED.search(label):
        return -1
    return 0 if _TIME.search(label) else BARE_DATE


def _residue(line: _Line, found: _Found, outlets: Mapping[str, str], stop: frozenset[str], drop: Callable) -> str | None:
    """Why a line is one of the residue kinds a fresh held-out set left in the body (issue 13),
    or None: a newsletter prompt, an action link, a player's notice, a tag list, a desk byline
    ("Tehran Times Political Desk", its outlet a weak source) or a Russian byline's date and
    outlet ("31.08.2025, ПРАЙМ", both weak metadata)."""
    text = line.text
    if line.words <= PROMPT_WORDS and (_NEWSLETTER.match(text) or not line.good and _NEWSLETTER_WORD.search(text)):
        return NEWSLETTER
    if line.words <= 8 and _ACTION.match(text):
        return ACTION
    if line.words <= ELSEWHERE_WORDS and _ELSEWHERE.match(text):
        return "link to the full text elsewhere"
    if more := _TRAILING_MORE.search(text, max(0, len(text) - MORE_TAIL)):
        drop(line, ACTION, more.group(0).strip())
        line.text = text = text[:more.start()]
        _measure(line, stop)
    if lead := _LEADING_MORE.match(text):  # "▼ читать продолжение новости ▼Основная цель визита…"
        glued = "" if lead.group(0)[-1:].isspace() else text[lead.end():].split(" ", 1)[0]  # "▼Учения", as written
        drop(line, ACTION, lead.group(0).strip() + glued)
        line.text = text = text[lead.end():]
        _measure(line, stop)
    if site := _READ_ON_SITE.match(text):
        found.sources.append((WEAK, line.number, site.group("site")))
        drop(line, "link to the site glued to the lead (source metadata)", site.group(0))
        line.text = text = text[site.end():]
        _measure(line, stop)
    if ":" in text and (len(_GLUED_TIME.findall(text)) >= TICKER_TIMES or not line.terminal and _ticker(text)):
        return "other stories' headlines with their times"  # glued, or between them: "Новости дня 12:05 Курс рубля вырос 12:30 В…"
    if label := _CAPS_LABEL.match(text):
        if stop.intersection(label.group("label").lower().split()):  # "СМОТРЕТЬ НА САЙТЕ ПЕРВОГО КАНАЛА Россия готова…"
            drop(line, "link label glued to the text", label.group("label").strip())
            line.text = text = text[label.end():]
            _measure(line, stop)
    end = text[-CLICK_TAIL:]
    if ("lick" in end or "ажмите" in end or "کلیک" in end) and (click := _CLICK.search(text, max(0, len(text) - CLICK_TAIL))):
        if original := md.original_story(click.group(0)):  # the story it rewrites names its source
            found.sources.append((1, line.number, original))
        if click.start() == 0:
            return READER
        drop(line, READER, click.group(0).strip())  # "… To read the original story by Reuters, click here."
        line.text = text = text[:click.start()].rstrip()
        _measure(line, stop)
    if line.words <= ADDRESS_WORDS:
        line.address = _address(line)
    if line.words <= PLAYER_WORDS and (_PLAYER.search(text) or any(verb in text for verb in _EMBED_VERBS) and _EMBED.search(text)):
        return "player notice"
    if line.words <= READ_ALSO_WORDS and _READ_ALSO.match(text):
        return "read-more link and its headline"
    if line.words <= NOTE_WORDS and _EDITORIAL_NOTE.match(text):
        if when := find_date(text):  # "This post was last modified on March 3, 2021 7:59 pm"
            found.dates.append((1, line.number, when[0]))
        return "editorial note"
    if _tag_list(line, stop) or "#" in text and len(hashtags := _HASHTAG.findall(text)) >= 2 and not line.terminal \
            and (line.words <= SHORT_LINE_WORDS or 2 * len(hashtags) >= line.words):  # not a paragraph closed by its tags
        return "tag list"
    if desk := _DESK.match(text):
        name = desk.group("name").strip()
        if desk.group("beat") and f"{name} {desk.group('beat')}".lower() in outlets:
            name = f"{name} {desk.group('beat')}"
        found.sources.append((3, line.number, name))  # the outlet's own desk: as strong as its masthead
        if desk.end() < len(text):  # "Rokna Political Desk:The gas supply crisis…": the lead follows
            drop(line, DESK, desk.group(0).strip())
            line.text = text[desk.end():]
            _measure(line, stop)
            return None
        return DESK
    if dated := _dated_outlet(text):
        found.sources.append((WEAK, line.number, dated.group("name").strip()))
        if when := find_date(dated.group("date")):
            found.dates.append((WEAK, line.number, when[0]))
        return DATED_BYLINE
    return None


def _dated_outlet(text: str) -> re.Match | None:
    """`_DATED_OUTLET.match(text)` on a line of that shape: its date ends just before the line's
    last comma (the outlet's name after it holds none), with only spaces between. Most lines fail
    this test; on them the regex's lazy opening tried every position for a dash before a date
    (4% of a cold index's worker CPU on the generated corpus of benchmarks/gen_corpus.py)."""
    comma = text.rfind(",")
    if comma < 0 or not text[:comma].rstrip()[-1:].isdecimal():  # \d and \s as re reads them in str patterns
        return None
    return _DATED_OUTLET.match(text)


NEWSLETTER = "newsletter or sign-up prompt"
ACTION = "share or action link"
DESK = "desk byline (source metadata)"
DATED_BYLINE = "byline: date and outlet (metadata)"


def _tag_list(line: _Line, stop: frozenset[str]) -> bool:
    """A line that is only keywords between commas ("Russia, war, terrorism, Ukraine, war with
    Russia"): TAG_ITEMS or more items of at most TAG_LONGEST words, most of them (TAG_SHARE)
    tags proper, of at most TAG_WORDS words and no joining word; no sentence end, no digit.
    Tag lists of a fresh held-out set mix tags with such phrases (issue 13)."""
    text = line.text
    if text.endswith(_TERMINAL) or _DIGIT.search(text):
        return False
    items = [_WORD.findall(item.lower()) for item in _LIST_COMMA.split(text)]
    if len(items) < TAG_ITEMS or not all(1 <= len(item) <= TAG_LONGEST for item in items):
        return False
    # the lists hold frequent content words too ("russia", "war", "море"): only a stop word inside
    # an item ("war with Russia", "نفت و گاز") joins it into a phrase rather than a tag
    tags = sum(len(item) <= TAG_WORDS and not stop.intersection(item[1:-1]) for item in items)
    return tags >= TAG_SHARE * len(items)


# What follows an author's name opening a biography: "is a …", "was …", "— …", "، …", "является …", "— журналист".
_BIO = re.compile(r"^(?:\s+(?:is|was|has|writes|covers|являетс|работает|است|هست)\b|\s*[,،—–-]\s)", re.I)
BIO_WORDS = 80  # an author's biography has at most this many words


def _residue_neighbours(content: list[_Line], drop: Callable, found: _Found, outlets: Mapping[str, str]) -> None:
    """The site's self-promotion in an article with a newsletter prompt ("X delivers
    independent coverage…"), the author's name under a "date, outlet" byline, and an
    outlet's name over its own description ("Asian News International. Multi-media…")."""
    if any(line.reason == NEWSLETTER for line in content):
        for line in content:
            if (not line.gone and line.words <= PROMOTION_WORDS and _SELF_PROMOTION.search(line.text)
                    and (promoter := _PROMOTER.search(line.text))):
                if promoter.group("site"):  # "Middle East Eye delivers…": the site, a weak source
                    found.sources.append((WEAK, line.number, promoter.group("site").strip()))
                drop(line, "site promotion by a newsletter prompt (source metadata)")
    alive = [ln for ln in content if not ln.gone or ln.reason == DATED_BYLINE]
    for before, after in zip(alive, alive[1:]):
        if before.reason == DATED_BYLINE and not after.gone and _AUTHOR.match(after.text):
            drop(after, "byline")
        elif (not before.gone and not after.gone and (_AUTHOR.match(before.text) or _staff_name(before.text))
              and after.words <= BIO_WORDS and (rest := _named_again(after.text, before.text)) is not None and _BIO.match(rest)):
            # "Niamh Kavanagh" / "Niamh Kavanagh is a social media and digital marketing expert…": the author's blurb;
            # "IFP Editorial Staff" / "The IFP Editorial Staff is composed of…": a desk's (dev set clean11)
            drop(before, "the author's name and biography")
            drop(after, "the author's name and biography")
        elif (not before.gone and not after.gone and before.words <= MASTHEAD_WORDS and after.text.startswith(before.text)
              and after.text != before.text and md.outlet_shaped(before.text, outlets)):
            # "Asian News International" / "Asian News International. Multi-media news agency, …": the outlet's blurb
            found.sources.append((2, before.number, md.outlet_part(before.text, outlets)))
            drop(before, "the outlet's description (source metadata)")
            drop(after, "the outlet's description (source metadata)")


ARTICLE_LETTERS = 3  # an article before a name ("The", "Der", "Le") has at most this many letters


def _named_again(text: str, name: str) -> str | None:
    """What follows `name` opening `text`, perhaps after an article ("The IFP Editorial Staff is …"
    after "IFP Editorial Staff": " is …"), or None when `text` does not open with it."""
    if not text.startswith(name):
        first, _, text = text.partition(" ")
        if not (first.isalpha() and len(first) <= ARTICLE_LETTERS and text.startswith(name)):
            return None
    return text[len(name):]


def _staff_name(text: str) -> bool:
    """Whether a line is a desk's or a staff's name: 2 to MASTHEAD_WORDS words, each capitalised
    ("IFP Editorial Staff"), not a sentence."""
    words = text.split()
    return 2 <= len(words) <= MASTHEAD_WORDS and all(word[:1].isupper() for word in words) and not text.endswith(_TERMINAL)


# The site speaking to its reader, in English, Russian and Persian: the second person ("you", "вы",
# "ваш", "شما"), the site's "our"/"наш", a prompt's imperative opening the line ("Subscribe", "Follow us",
# "Подписывайтесь", "Читайте") or closing it ("… را بخوانید", "عضو شوید"), a cookie notice, "click here".
# (compared with a line's words, `_Line.tokens`, lower case: a set test costs less than a search of the line)
_POSSESSIVE = ("", "а", "е", "и", "его", "ей", "ему", "им", "ими", "их", "ем", "у")
_SECOND_PERSON = frozenset(["you", "your", "yours", "вы", "вас", "вам", "вами", "شما", *(f"ваш{end}" for end in _POSSESSIVE)])
_FIRST_PLURAL = frozenset(["our", "us", "ما", *(f"наш{end}" for end in _POSSESSIVE)])
_COOKIES = frozenset(["cookie", "cookies", "куки", "کوکی", "کوکی‌ها"])
_PROMPT = re.compile(r"[\W_]*(?:subscribe|follow us|join (?:us|our)|click here|download (?:our|the) app|sign up|don['’]t miss|stay (?:tuned|informed)"
                     r"|(?:не\s+)?[А-ЯЁ][а-яё]{2,}(?:йтесь|итесь|айте|яйте|ите)(?![а-яё]))\b", re.I)  # opening the line ("Не упустите…" too)
_PROMPT_END = re.compile(r"(?:بخوانید|ببینید|بشنوید|دنبال کنید|عضو شوید|بپیوندید|کلیک کنید|مراجعه کنید)\s*[.!]?$")  # closing it
PROMPT_TAIL = 30  # characters at a line's end searched for a prompt's closing verb
EXCLAIM_WORDS = 12  # a short exclamation, not quoted, under the article is a prompt too (dev set clean11)
EXCLAIM = "exclamation"
_CLICK = re.compile(r"(?:^|(?<=[.!?])\s+)[^.!?]{0,80}?\b(?:click here|нажмите (?:здесь|сюда)|اینجا کلیک کنید)\b[.!]?$", re.I)
_QUOTE_MARK = re.compile(r"[\"“”«»„]")
ADDRESS_WORDS = 80  # a notice to the reader (a legal warning, a cookie banner) has at most this many words
CLICK_TAIL = 120  # characters at a line's end searched for a "click here" sentence
ADDRESS_LABEL = 3  # lines above a notice searched for the label that opens the site's block ("Editors' Picks")
READER = "the site addressing its reader (prompt or notice)"
COOKIE = "cookie notice"


def _address(line: _Line) -> str:
    """How a line (of at most ADDRESS_WORDS words) speaks to the reader, or "": a cookie banner
    ("cookie": the word and the second person or the site), a prompt ("prompt": an imperative
    opening or closing it), the second person twice, or with the site's "our" ("you"), a short
    exclamation (EXCLAIM); quoted speech is the article's."""
    text, tokens = line.text, line.tokens
    second = 0 if _SECOND_PERSON.isdisjoint(tokens) else sum(map(_SECOND_PERSON.__contains__, tokens))
    cookie = not _COOKIES.isdisjoint(tokens)
    prompt = _PROMPT.match(text) or _PROMPT_END.search(text, max(0, len(text) - PROMPT_TAIL))
    if not (prompt or second or cookie) and text.endswith("!") and line.words <= EXCLAIM_WORDS and not _QUOTE_MARK.search(text):
        return EXCLAIM  # "Сохрани номер URA.RU - сообщи новость первым!"
    ours = second and not _FIRST_PLURAL.isdisjoint(tokens)  # "Our support team will be happy to assist you!"
    if not (cookie or prompt or second >= 2 or ours) or _QUOTE_MARK.search(text):
        return ""
    if cookie and (second or any(token.startswith(("сайт", "site", "website")) for token in tokens)):
        return "cookie"
    if prompt and (second or not _FIRST_PLURAL.isdisjoint(tokens)):
        return "prompt, to you"
    return "prompt" if prompt else "you" if second >= 2 or ours else ""


def _reader_address(content: list[_Line], drop: Callable) -> None:
    """Lines in which the site speaks to its reader (`_address`), not the article to its: a
    cookie banner, a prompt in the second person or with the site's "our"; at the article's
    edges (above its first or below its last body line, or among the last two lines), any
    prompt and a notice in the second person. A notice ending the page takes the short label
    above it, and the lines between, with it ("Editors' Picks" / "RFE/RL has been declared…" /
    "If you are in Russia… you could…")."""
    if not any(line.address and not line.gone for line in content):
        return
    alive = [line for line in content if not line.gone]
    good = [i for i, line in enumerate(alive) if line.good]
    first, last = (good[0], good[-1]) if good else (len(alive), -1)
    edges = {position for position in range(len(alive)) if position < first or position > last or position >= len(alive) - 2}
    # a text written to its reader (a recipe, a guide: "If you like to stuff your bird…") says "you" in its own
    # body lines too; there a line in the second person at its end is the article's ("Thanks Alice for sharing your recipe")
    voice = any(line.good and not _SECOND_PERSON.isdisjoint(line.tokens) and not _QUOTE_MARK.search(line.text)
                for position, line in enumerate(alive) if position not in edges)
    for position, line in enumerate(alive):
        if not line.address:
            continue
        if line.address == EXCLAIM:
            continue  # below, once the prompts under it are gone
        if line.address == "cookie":
            drop(line, COOKIE)
        elif line.address == "prompt, to you" or position in edges and not (
                voice and line.address == "you" and line.good and _FIRST_PLURAL.isdisjoint(line.tokens)):
            drop(line, READER)
    alive = [line for line in content if not line.gone]
    last = max((i for i, line in enumerate(alive) if line.good), default=len(alive))
    for line in alive[last + 1:]:
        if line.address == EXCLAIM:  # under the article; over it, a headline may exclaim
            drop(line, READER)
    tail = [line for line in content if not line.gone or line.reason in (READER, COOKIE)]
    while tail and tail[-1].gone:
        tail.pop()  # the notices ending the page: what stands above them, up to a label, is the site's too
    if len(tail) == sum(1 for line in content if not line.gone or line.reason in (READER, COOKIE)):
        return
    for above in range(len(tail) - 1, max(-1, len(tail) - 1 - ADDRESS_LABEL), -1):
        label = tail[above]
        if not label.gone and 1 <= label.words <= STRAY_WORDS and not label.terminal and not _DIGIT.search(label.text) \
                and above > 0 and tail[above - 1].good:
            for line in tail[above:]:
                if not line.gone:
                    drop(line, "the site's notice under its label")
            return


# A legal notice or disclaimer closing the page: the site speaking of its own content, in a full sentence
# ("Any unauthorised use or reproduction of … content is strictly prohibited…", "(This story has not been
# edited by … staff and is auto-generated from a syndicated feed.)", "بخش سایت‌خوان، صرفا بازتاب‌دهنده اخبار
# رسانه‌های رسمی کشور است.", "Мнение редакции может не совпадать с мнением автора"): a word of the notice's
# trade (rights, reproduction, necessarily reflect, merely mirrors, editorial opinion)…
_LEGAL = re.compile(
    r"\b(?:all rights reserved|copyright|unauthori[sz]ed|reproduc\w+|republish\w*|do(?:es)? not necessarily (?:reflect|represent)"
    r"|(?:views|opinions) expressed|auto-generated|syndicated feed|has not been edited"
    # "X is not responsible for the content of quoted articles", "… assumes no responsibility for …"
    r"|(?:is|are) not (?:held )?responsible for|(?:shall|will|can|could) ?not be (?:held )?responsible for"
    r"|(?:assumes?|takes?|accepts?|bears?) no (?:responsibility|liability) for)\b"
    r"|все права защищены|перепечатк\w*|без (?:письменного )?разрешения|(?:мнени|позици)\w+ редакции|не обязательно (?:совпадает|отражает)"
    r"|не\s+нес[её]т\s+(?:никакой\s+)?ответственност"  # "Редакция не несет ответственности за содержание …"
    r"|حقوق[\s\u200c]\S*\s?(?:این )?(?:سایت|پایگاه|خبرگزاری)?\s?محفوظ|صرفا|صرفاً|لزوما|لزوماً|بازنشر|کپی[\s\u200c]?برداری"
    r"|مسئولیتی\s+(?:\S+\s+){0,3}?(?:ندارد|نمی[\s\u200c]?پذیرد|نخواهد داشت)", re.I)  # "… در قبال محتوای … مسئولیتی ندارد"
# …and a word for what the site publishes (its content, material, stories, news, site), which a sentence of the
# article about a film's reproduction or a court's copyright ruling lacks
_OWN_CONTENT = re.compile(r"\b(?:content|material|articles?|stor(?:y|ies)|site|website|staff|feed|views|opinions)\b"
                          r"|материал\w*|сайт\w*|редакци\w*|مطالب|اخبار|محتوا|سایت|دیدگاه|نظرات", re.I)


# A word for the site itself, which its tagline names with "our": "…на страницах нашего блога!", "…on our website"
# (the two words together: "The US struck the site…" has "us" and "site", a minister's "سایت … ما" is quoted)
_OUR_SITE = re.compile(r"\bour\s+(?:web\s?)?(?:site|website|blog|portal|channel|pages)\b"
                       r"|\bнаш\w*\s+(?:[\w]+-)?(?:блог|сайт|портал|канал|издани)"
                       r"|(?:سایت|وبلاگ|کانال|پایگاه)(?:[\s\u200c](?:خبری|اینترنتی|تلگرام|ما))?\s+ما(?![\w\u200c])", re.I)
TAGLINE = "the site's tagline (it speaks of itself)"


def _site_tagline(content: list[_Line], drop: Callable) -> None:
    """The site describing itself, in the first person plural with a word for the site ("Все, что случилось
    в мире за последние сутки, … на страницах нашего блога!"): a full sentence, so body-shaped, but the
    site's, not the article's; over the article's first body line or under its last (from each edge, every
    such line until a body line that is none), never quoted speech. It would be the first paragraph, and
    the derived title over the real headline below it."""
    for lines in (content, reversed(content)):
        for line in lines:
            if line.gone:
                continue
            if line.words <= ADDRESS_WORDS and not _FIRST_PLURAL.isdisjoint(line.tokens) and _OUR_SITE.search(line.text) \
                    and not _QUOTE_MARK.search(line.text):
                line.good = False
                drop(line, TAGLINE)
            elif line.good:
                break


def _legal_notice(content: list[_Line], drop: Callable) -> None:
    """A legal notice or disclaimer (`_LEGAL` and `_OWN_CONTENT` both in it, at most NOTE_WORDS words)
    under the article's last body line or over its first ("Материалы ИноСМИ … не отражают позицию
    редакции" between a digest's headline and its text), which it would otherwise be since it is a
    full sentence: from the page's end up, and from its top down, every such line until a body line
    that is none."""
    for lines in (reversed(content), content):
        for line in lines:
            if line.gone:
                continue
            if line.words <= NOTE_WORDS and _LEGAL.search(line.text) and _OWN_CONTENT.search(line.text):
                line.good = False
                drop(line, "legal notice or disclaimer")
            elif line.good:
                break


# An author's biography closing the page: a name, "is a" or a dash, and a trade of the press within its first words
# ("Jane Roe is a freelance journalist based in…", "Иван Петров — журналист, автор…", "Jean Dupont est journaliste").
_BIOGRAPHY = re.compile(r"^(?:[A-ZА-ЯЁ][\w'’.-]+ ){1,3}(?:is an?|was an?|est|—|–|-) .{0,60}?\b(?:journalist|reporter|correspondent"
                        r"|editor|writer|analyst|columnist|fellow|researcher|professor|author|журналист|корреспондент|редактор"
                        r"|обозреватель|аналитик|эксперт|исследователь|journaliste|rédacteur|chercheur)", re.I)
_REPORTING = re.compile(r"\b(?:said|says|told|added|заявил|сказал|отметил|сообщил)\b", re.I)  # a source quoted, not a biography
BIOGRAPHY_LINES = 2  # a biography is one of the page's last this many lines


# The label over a block of other stories' headlines or of tags, alone on its line, in the corpus's languages.
_RELATED_LABEL = re.compile(
    rf"^[\W_]*(?:{_ANNOUNCE}|related (?:articles?|stories|news|topics|content|coverage|links|posts)|more on this (?:story|topic)"
    r"|recommended(?: for you| stories)?|you may also like|more (?:stories|news)|top stories|most read"
    r"|latest (?:news|stories|articles|posts|headlines)|последние новости|آخرین (?:اخبار|خبرها)"
    r"|tags|topics|keywords|ещ[её] по теме|новости по теме|другие новости|похожие (?:новости|материалы)"
    r"|самое (?:читаемое|популярное)|теги|метки|ключевые слова|(?:مطالب|اخبار|خبرهای) (?:مرتبط|مشابه)|پربازدیدترین(?:[\s\u200c]?ها)?"
    r"|برچسب(?:[\s\u200c]?ها)?|کلمات کلیدی|sur le même sujet)[\W_]*$", re.I)
RELATED_ITEMS = 12  # a block lists at most this many headlines or tags


def _related_block(content: list[_Line], stop: frozenset[str], drop: Callable, found: _Found) -> None:
    """A label announcing other stories or tags ("Related", "Читайте также", "اخبار مرتبط",
    "Tags") alone on its line, after the first body line, and the items listed under it: lines that read as
    headlines or tags (no sentence end, at most TITLE_MAX_WORDS words, not body text), up to
    RELATED_ITEMS of them, each with the teaser sentence written in its words (`_teaser_of`); the
    article's text resumes at the first other sentence. A "Read more" button (an action link) is such
    a label when at most ACTION_TEASERS sentences stand under it. A date stamped on a listed story
    ("… mull cooperation 21 November, 2024 / 20:56" under "Latest news") is that story's, not the article's.
    Where the lines under the label are mostly not body text (cards: a kicker, a headline, a teaser, a
    reading time), a teaser followed by another card's line goes too, however few of its headline's
    words it uses (dev set clean11)."""
    alive = [line for line in content if not line.gone or line.reason == ACTION]  # "Read more" is an action and a label
    first = next((i for i, line in enumerate(alive) if line.good), len(alive))
    for position, label in enumerate(alive[first + 1:], start=first + 1):  # above the body, the headline may follow one
        if label.words > SECTION_WORDS or not _RELATED_LABEL.match(label.text) or label.gone and label.reason != ACTION:
            continue
        if label.gone and sum(line.good for line in alive[position + 1:]) > ACTION_TEASERS:
            continue  # a "Read more" button the article goes on under
        if not label.gone:
            drop(label, RELATED)
        under = content.index(label) + 1
        listed = {line.number for line in content[under:under + RELATED_ITEMS] if line.gone and _stamped_headline(line.text)}
        found.dates[:] = [entry for entry in found.dates if entry[1] not in listed]
        items = [item for item in alive[position + 1:] if not item.gone][:RELATED_ITEMS]
        cards = sum(not item.good for item in items) > sum(item.good for item in items)
        for item, after in zip(items, [*items[1:], None]):
            if cards and item.good and after is not None and not (after.good or after.terminal or after.gone):
                drop(item, RELATED)  # a card's teaser with few of its headline's words, another card under it
                continue
            if item.good or item.terminal or item.words > TITLE_MAX_WORDS:
                break
            drop(item, RELATED)
            if after is not None and _teaser_of(after, item, stop):
                drop(after, RELATED)  # a card: the story's headline and its teaser sentence


RELATED = "other stories or tags under their label"
STAMPED_HEADLINE_WORDS = 3  # words besides its date and time in a listed story's stamped headline ("Published" is one)


def _stamped_headline(text: str) -> bool:
    """Whether a line is a story's headline with its date ("Azerbaijan, Uzbekistan mull cooperation 21
    November, 2024 / 20:56"), not a bare timestamp ("Published 5 July 2023")."""
    when = find_date(text)
    rest = text[:when[1]] + text[when[2]:] if when else text
    return len(_WORD.findall(_TIME.sub(" ", rest))) >= STAMPED_HEADLINE_WORDS


ACTION_TEASERS = 2  # a "Read more" button is a label over other stories when at most this many sentences follow it
TEASER_SHARED = 3  # content words a teaser shares with its story's headline at least (and at least half of them)


def _teaser_of(line: _Line, headline: _Line, stop: frozenset[str]) -> bool:
    """Whether a sentence under another story's headline is that story's teaser: of caption length, written
    in the headline's words ("Amid Sanctions, Aeroflot Forced to…" / "…Aeroflot has been forced to send…")."""
    own = {stem[:STRAY_PREFIX] for stem in _stems(headline, stop)}
    shared = own & {stem[:STRAY_PREFIX] for stem in _stems(line, stop)}
    return line.words <= CAPTION_WORDS and len(shared) >= max(TEASER_SHARED, len(own) / 2)


def _author_biography(content: list[_Line], drop: Callable) -> None:
    """The author's biography among the page's last lines (BIOGRAPHY_LINES), after the
    article: a name, then "is a …" or a dash and a trade of the press."""
    last = []
    for line in reversed(content):
        if not line.gone:
            last.append(line)
            if len(last) > BIOGRAPHY_LINES:
                break
    for line in last[:BIOGRAPHY_LINES] if len(last) > BIOGRAPHY_LINES else ():
        if line.words <= BIO_WORDS and _BIOGRAPHY.match(line.text) and not _QUOTE_MARK.search(line.text) \
                and not _REPORTING.search(line.text):
            drop(line, "the author's biography")


# "Image source, Reuters", "Photo credit, AFP": BBC's credit line, a label and a comma (the agency named
# is the photo's, not the story's source)
_SOURCE_LABEL = re.compile(r"^(?:image|photo|picture|video)\s+(?:source|credit)s?\s*[,:：]\s*\S", re.I)


# A caption's marker, a sentence of its own closing the caption (or the whole line): "… Каспийского моря.
# Иллюстративное фото.", "Архивное фото", "Фото из открытых источников", "File photo.", "(Illustrative image)",
# "عکس تزئینی است", "عکس آرشیوی". After a sentence's end only: "He showed an archive photo." is the article's.
_MARKS = (r"(?:иллюстративное|иллюстрационное|архивное)\s+фото(?:графия)?|фото\s+(?:из\s+)?(?:открытых\s+источников|архива)"
          r"|(?:file|illustrative|illustration|archive|stock|representational|representative)\s+(?:photo|image|picture|pic)(?:graph)?"
          r"|عکس\s+(?:(?:تزئینی|تزیینی|آرشیوی|تزئینی\s+و\s+آرشیوی)(?:\s+است)?|از\s+آرشیو)")
_CAPTION_MARK = re.compile(rf"(?:^|[.!?]\s+|\(\s*|\s[-–—|]\s*)(?:{_MARKS})\s*[.)]?\s*$", re.I)
_CAPTION_MARK_FIRST = re.compile(rf"^(?:{_MARKS})\s*[.:：]\s+\S", re.I)  # "Архивное фото. Побережье Каспия"


def _credit(text: str) -> bool:
    """Whether a line ends in (or opens with) a photo credit or a caption's marker (`_CAPTION_MARK`);
    only its last CREDIT_TAIL characters are searched, where credits stand."""
    if _SOURCE_LABEL.match(text):
        return True
    if _CAPTION_MARK.search(text, max(0, len(text) - CREDIT_TAIL)) or _CAPTION_MARK_FIRST.match(text):
        return True
    tail = text[-CREDIT_TAIL:]
    if not ("/" in tail or ":" in tail or tail.endswith(")") or _DOMAIN_END.search(tail) or _GLUED.search(tail)
            or tail.lower().endswith(("photo", "images", "caption"))):
        return False
    return bool(_CREDIT.search(tail))


def _repeat_key(text: str) -> str:
    """A short line as its copies share it: case, half-spaces, Arabic ي ك for Persian ی ک and the closing
    mark aside ("…دیدار کرد" and "…ديدار کرد."; a headline written again by the page's teaser)."""
    return md.persian_letters(text.casefold().replace("\u200c", "")).rstrip(" .!?؟…")


def _repeats(content: list[_Line], drop: Callable) -> None:
    """A short line seen before (a menu entry, a section label, a repeated headline)."""
    seen: dict[str, _Line] = {}
    for line in content:
        if line.gone:
            continue
        key = line.text.casefold() if line.good else _repeat_key(line.text)  # body copies: `_collapse_duplicates`
        if key in seen and line.words <= TITLE_MAX_WORDS:
            drop(line, "repeated line")
            seen[key].repeated = True
        else:
            seen.setdefault(key, line)


# A wire story's staff credits in brackets, in any language: parts between semicolons naming people
# ("(Reporting by …; Editing by …)", "(Reportage de Reuters ; rédaction Anastasia … ; édité par Kate …)").
_STAFF_PART = re.compile(r"^[^()]{0,40}?[A-ZÀ-ÞА-ЯЁ][a-zß-ÿа-яё'’-]+ [A-ZÀ-ÞА-ЯЁ][a-zß-ÿа-яё'’-]+")
STAFF_NAMES = 2  # parts naming a person at least


def _staff_credits(text: str) -> bool:
    """Whether a bracketed line lists a wire story's staff: parts between semicolons, STAFF_NAMES of
    them or more opening on a person's name and surname after a role ("rédaction Anastasia T…")."""
    if not (text.startswith("(") and text.endswith(")") and ";" in text):
        return False
    parts = text[1:-1].split(";")
    return sum(bool(_STAFF_PART.match(part.strip())) for part in parts) >= STAFF_NAMES


def _end_marker(body: list[_Line], drop: Callable, found: _Found, outlets: Mapping[str, str]) -> None:
    """An agency tag alone on its line, after some body text, ends a wire story:
    what follows is the site's."""
    good = [i for i, ln in enumerate(body) if ln.good]
    for position in range(good[0] + 1 if good else len(body), len(body)):
        line = body[position]
        if line.gone or not (re.match(r"^\((?:[^()]{2,30}|reporting by [^()]+)\)$", line.text, re.I) or _staff_credits(line.text)):
            continue
        name = line.text.strip("()")
        if name.lower().startswith(("reporting", "editing", "writing")) or _staff_credits(line.text):
            drop(line, "wire credits")
        elif md.attribution(line.text, outlets) or name.lower() in outlets:
            found.sources.append((0, line.number, name))
            drop(line, "agency tag (source metadata)")
        else:
            continue
        for after in body[position + 1:]:
            if not after.gone:
                drop(after, "after the end of the article")
        return


_REFERENCE = re.compile(r"\s?\[\d{1,3}\]")  # "…из РФ [1], и…": a printed page's numbered link
REFERENCE_MARKS = 2  # a text with at least this many numbered links is a printed page with its links


def _reference_marks(content: list[_Line], drop: Callable) -> None:
    """The numbered link marks of a printed page ("[1]", "[2]") out of the text, each dropped
    with its reason; a line that is not a sentence and ends on one is the headline of the
    linked story ("Иран готов поставлять … [2]"), dropped whole. A single "[1]" may be the
    text's own (a bracketed figure), so at least REFERENCE_MARKS are needed."""
    marked = [line for line in content if "[" in line.text and _REFERENCE.search(line.text)]
    if sum(len(_REFERENCE.findall(line.text)) for line in marked) < REFERENCE_MARKS:
        return
    for line in marked:
        bare = _REFERENCE.sub("", line.text).strip()
        if line.text.endswith("]") and not bare.endswith(_TERMINAL):
            drop(line, "link to another story (a numbered link)")
            continue
        # each mark as written, with the punctuation glued to it ("[1],"): the raw words stay findable
        drop(line, "numbered link mark", " ".join(re.findall(r"\S*\[\d{1,3}\]\S*", line.text)))
        line.text = bare


OFFER_LINES = 3  # lines under a cut article that make the site's offer at least (a paywall: prices, plans, logins)


def _below_the_cut(content: list[_Line], drop: Callable) -> None:
    """What stands under an article its site cut off ("… seit seine ..." / "Artikel-Länge: 3864 Zeichen" /
    "Sie benötigen ein Online-Abo" / prices and plans): the last paragraph ending as a teaser does
    (`_TEASER_END`), with body text over it, and under it OFFER_LINES lines or more, at most a third of them
    body-shaped (a plan's blurb). An article going on under a paragraph that trails off has body text
    under it (dev set clean11)."""
    alive = [line for line in content if not line.gone]
    cut = next((i for i in range(len(alive) - 1, 0, -1) if alive[i].words >= GOOD_WORDS and alive[i].text.endswith(_TEASER_END)
                and any(line.good for line in alive[:i])), None)
    if cut is None:
        return
    rest = alive[cut + 1:]
    body = sum(line.good for line in rest)
    if len(rest) >= OFFER_LINES and len(rest) - body >= 2 * body:
        for line in rest:
            line.good = False
            drop(line, "under the article its site cut off (the site's offer)")


def _caption_under_credit(content: list[_Line], drop: Callable) -> None:
    """A photo's caption right under its credit line ("Sergey Ponomarev / AP" / "Chief … arrives
    for talks in Moscow on Wednesday."), above the lead: the first body-like line, of at most
    CAPTION_WORDS words, with a credit line on the raw line above it and no body text
    under it before more furniture (a timestamp, a byline) and then the lead."""
    good = [i for i, line in enumerate(content) if line.good]
    if len(good) < 2 or good[0] == 0:
        return
    position = good[0]
    line, credit, after = content[position], content[position - 1], content[position + 1]
    if (credit.reason == CAPTION and credit.number == line.number - 1 and line.words <= CAPTION_WORDS
            and after.gone and after.reason != CAPTION):
        line.good = False
        drop(line, CAPTION)


# A caption's label, as BBC pages write it ("Image caption," alone on its line, the caption under it,
# or "Image caption, Ukraine accused Iran…" on one line), in the corpus's languages.
_CAPTION_LABEL = re.compile(r"^(?:(?:image|photo|picture|video) caption|подпись к (?:фото|изображению)|زیرنویس عکس"
                            r"|légende(?: de la photo)?|bildunterschrift)\s*[,:：]?(?:\s+(?P<caption>\S.*))?$", re.I)


def _labelled_captions(content: list[_Line], drop: Callable) -> None:
    """A caption behind its label: the label's own line with the caption on it, or the label alone
    and the next line, of at most CAPTION_WORDS words (a paragraph is longer)."""
    for position, line in enumerate(content):
        if not (label := _CAPTION_LABEL.match(line.text)):
            continue
        if not line.gone:
            line.good = False
            drop(line, CAPTION)
        after = next((other for other in content[position + 1:] if other.text), None)
        if label.group("caption") is None and after is not None and not after.gone and after.words <= CAPTION_WORDS:
            after.good = False
            drop(after, CAPTION)


CAPTION_ABOVE_WORDS = 25  # a caption over the lead is this short (those of a held-out set: 9 to 11 words; a cut lead: 40)


def _caption_above_lead(content: list[_Line], title: _Line | None, drop: Callable) -> None:
    """A photo's caption kept as the standfirst: a line without a full stop right above the
    lead, with furniture (an image's alt text, a timestamp) and not the headline right above
    it ("Iranian technicians" / "Western powers suspect Iran's nuclear ambitions are not
    peaceful" / lead, as BBC pages were scraped). A standfirst stands under its headline. So is
    a Russian caption naming the people pictured without a verb (`_nominal_caption`) right above the lead."""
    first = next((i for i, line in enumerate(content) if line.good and not line.gone), None)
    if first is not None and first >= 1 and not content[first - 1].gone and content[first - 1] is not title \
            and _nominal_caption(content[first - 1]):
        drop(content[first - 1], CAPTION)  # the people pictured, named without a verb, over the lead
    if first is None or first < 2:
        return
    line, above = content[first - 1], content[first - 2]
    if (not line.gone and line is not title and not line.terminal and 3 <= line.words <= CAPTION_ABOVE_WORDS
            and above.gone and above is not title and above.reason.startswith(("page furniture", "timestamp", CAPTION))):
        drop(line, CAPTION)


NAMES_CAPTION_WORDS = 3  # a caption of names has at least this many capitalised words


def _names_only(line: _Line, stop: frozenset[str]) -> bool:
    """A line of names without a verb ("Russian Foreign Minister Sergei Lavrov and Iranian Foreign Minister
    Mohammad Javad Zarif in Moscow on May 8."): at least NAMES_CAPTION_WORDS capitalised words, and
    every word in lower case a stop word of its language or a month's name. A cased script only."""
    words = _WORD.findall(line.text)
    capitalised = sum(1 for word in words if word[:1].isupper())
    return capitalised >= NAMES_CAPTION_WORDS and bool(stop) and all(
        word.lower() in stop or is_month(word) for word in words if not word[:1].isupper())


CAPTION_NAMED = 0.3  # share of a caption's capitalised words that the article's next lines name too


def _caption_under_headline(content: list[_Line], title: _Line | None, stop: frozenset[str], drop: Callable) -> None:
    """A photo's caption without a credit between the headline and the lead, the page's image
    between them: the one line there, at most CAPTION_ABOVE_WORDS words of names only (`_names_only`),
    with a body line under it, and naming whom the article names (CAPTION_NAMED of its capitalised
    words in the next HEADLINE_CONTEXT lines: a sentence in Title Case naming others is the text's)."""
    alive = [line for line in content if not line.gone or line is title]
    if title is None or title not in alive:
        return
    position = alive.index(title) + 1
    if position + 1 >= len(alive):
        return
    line, lead = alive[position], alive[position + 1]
    if not (lead.good and line.words <= CAPTION_ABOVE_WORDS and _names_only(line, stop)):
        return
    named = {word for word in _WORD.findall(line.text) if word[:1].isupper()}
    later = set(_WORD.findall(" ".join(ln.text for ln in alive[position + 1:position + 1 + HEADLINE_CONTEXT])))
    if len(named & later) >= CAPTION_NAMED * len(named):
        line.good = False
        drop(line, CAPTION)


# --- the headline --------------------------------------------------------------------------

def _crude_stem(word: str) -> str:
    """A word cut to a prefix (5 letters, 4 for short words): a crude stem that lets
    "коридор" meet "коридора" and "Ruble" meet "rubles"."""
    return word[:5] if len(word) >= 6 else word[:4]


def _stems(line: _Line, stop: frozenset[str]) -> set[str]:
    """A line's content words (of three letters or more) as `_crude_stem`s, kept on the line."""
    if line.stems is None:
        line.stems = {_crude_stem(w) for w in set(line.tokens).difference(stop) if len(w) > 2}
    return line.stems


def _title_words(text: str) -> int:
    """How many words a headline may have: TITLE_MAX_WORDS, or twice that for one made of headlines
    joined by slashes, as Persian agencies write several in one ("…دو کشور است/ طرف‌های روسی …/ تمایل …"),
    none of its parts longer than SLASH_PART_WORDS."""
    if "/" not in text:  # nearly every line (a line's measure asks): no split
        return TITLE_MAX_WORDS
    parts = _SLASH_JOIN.split(text)
    if len(parts) > 1 and all(len(part.split()) <= SLASH_PART_WORDS for part in parts):
        return 2 * TITLE_MAX_WORDS
    return TITLE_MAX_WORDS


_SLASH_JOIN = re.compile(r"(?<=\S)/\s+")  # "است/ طرف‌ها": a slash closing a word, then a space (not "km/h", "1/2")
SLASH_PART_WORDS = 15


def _title_shaped(line: _Line, bulleted: bool = False) -> bool:
    """Whether a line reads like a headline; `bulleted`: a bullet may open it (the one bulleted line above the body)."""
    text = _unemphasised(line.text)  # "**Headline**" is no bullet
    if bulleted and (bullet := _BULLET.match(text)):
        text = text[bullet.end():]
    return (not line.gone and 1 <= line.words <= _title_words(text) and len(text) <= TITLE_MAX_CHARS and not _URL.search(text)
            and not text[:1].islower()  # "watch the latest videos": a link; headlines open with a capital
            and not (text.endswith(".") and not text.endswith("..") and not line.stopped_headline) and not _BULLET.match(text)
            and not text.endswith(_TEASER_END) and find_date(text) is None and len(_LETTER.findall(text)) >= 0.5 * len(text.replace(" ", "")))


def _headline(top: list[_Line], rest: list[_Line], every: list[_Line], stop: frozenset[str],
              outlets: Mapping[str, str]) -> _Line | None:
    """The headline: a title-shaped line above the body whose words are the body's
    (or that the page repeats), never a whole dateline ("Washington CNN—"); a later
    candidate much longer than a short first one wins, and so does one under a kicker
    (a line ending as a clause hands on, `_KICKER_END`: "…امضا شد؛" over its headline). A line holding
    an outlet-shaped name over it ("Persian News" / "All Persian News Related to Iran") is the site's tagline."""
    bullets = [ln for ln in top if not ln.gone and _BULLET.match(ln.text)]  # "• Iran, Russia hold joint drills": one, not a menu
    top = [ln for ln in top if _title_shaped(ln, bulleted=len(bullets) == 1) and not _whole_dateline(ln.text, outlets)
           and not _nominal_caption(ln)]
    if not top:
        return None
    body_stems = set().union(*(_stems(ln, stop) for ln in rest[:HEADLINE_CONTEXT] if not ln.gone)) if rest else set()
    later = " ".join(ln.text for ln in rest if not ln.gone).casefold()
    folded = [(ln.text.casefold(), ln.words) for ln in every]  # once, not once per candidate (`_repeated`)
    chosen, weaker, labelled = None, [], None
    mastheads: list[str] = []  # outlet-shaped names over the candidates ("Persian News")
    for line in top:
        if any(name in line.text for name in mastheads):
            continue  # "All Persian News Related to Iran" under "Persian News": the site's tagline (dev set clean11)
        if line.words >= 2 and line.words <= MASTHEAD_WORDS and md.outlet_shaped(line.text, outlets):
            mastheads.append(line.text)
        summary = line.words >= 4 and line.text.casefold() in later  # repeated by the lead: a summary
        stems = _stems(line, stop)
        repeated = line.repeated or _repeated(line, folded)
        overlap = len(stems & body_stems) / len(stems) if stems else 0.0
        # a label of a word or two ("پخش زنده", "Ukraine War") names the article only if the body
        # writes all its words, stop words too ("war" is one in the English list)
        if line.words <= TITLE_LABEL_WORDS and not all(re.search(rf"\b{re.escape(token)}", later) for token in line.tokens):
            overlap = 0.0
        if not (repeated or overlap >= TITLE_OVERLAP or (not body_stems and line.words >= 2)):
            if line.words > TITLE_LABEL_WORDS or line.words == 2 and not line.text.endswith(":"):
                weaker.append((-overlap, line.number, line))  # "What the Kremlin wants from Tehran:" too
            elif line.text.endswith(":") and line.words <= TITLE_LABEL_WORDS and labelled is None:
                labelled = line.number  # "Author's Title:": the lines under it are its values
            continue
        if chosen is None or (chosen.words <= TITLE_SHORT and line.words >= TITLE_LONGER * chosen.words and not summary) \
                or chosen.text.endswith(_KICKER_END):
            chosen = line
    if chosen is None and weaker:
        # Nothing certain: the line sharing most words with the body, else the one
        # right above the body, where headlines stand; when a block of labels and their
        # values stands above the body ("Author's Title:" / "European Council on Foreign
        # Relations", a think tank's digest, clean8 dev set), a line above its first label.
        if labelled is not None and any(number < labelled for _, number, _ in weaker):
            weaker = [entry for entry in weaker if entry[1] < labelled]
        best = min(weaker)
        # right above the body, a line ending with a colon is a label of what follows ("Dow Jones Newswires:")
        plain = [entry for entry in weaker if not entry[2].text.endswith(":")] or weaker
        chosen = best[2] if best[0] < 0 else plain[-1][2]
        if chosen.words <= TITLE_LABEL_WORDS or best[0] == 0 and _AUTHOR.match(chosen.text):
            chosen = None  # a label, or a byline's name sharing no word with the body ("Akbar Novruz")
    return chosen


NOMINAL_CAPTION_WORDS = 15  # a Russian line this long without a verb names who is pictured: a caption


def _nominal_caption(line: _Line) -> bool:
    """Whether a line is a Russian photo caption, not a headline: NOMINAL_CAPTION_WORDS words or more
    and no finite verb (pymorphy3's reading, `inflect.is_finite_verb`), nor a colon or a dash that
    joins two parts of a headline ("Министр иностранных дел РФ Сергей Лавров и министр … Зариф на
    пресс-конференции по итогам встречи", over a lead naming them; dev set clean11). A Russian
    headline that long states what happened."""
    if line.words < NOMINAL_CAPTION_WORDS or not has_cyrillic(line.text) or any(mark in line.text for mark in (":", " – ", " — ", " - ")):
        return False
    return not any(is_finite_verb(word) for word in line.tokens)


# A kicker over the headline ends as a clause does, handing on to it: "…امضا شد؛", "کرملین:", "Exclusive:"
_KICKER_END = (";", "؛", ":")


def _repeated(line: _Line, folded: list[tuple[str, int]]) -> bool:
    """Whether the page writes a line's text again, alone or with a site's name or section
    (at most SECTION_WORDS more words: "Headline | Site"): a page's title repeats its headline;
    an institute's name inside a sentence ("Read the rest of the report at the European
    Council on Foreign Relations.", clean8 dev set) is no repetition of a headline. `folded`:
    the page's lines as (text case-folded, words), made once by `_headline`."""
    text = line.text.casefold()
    return sum(text in other and words <= line.words + SECTION_WORDS for other, words in folded) >= 2


_GLUE = re.compile(r"(?<=[a-zа-яё])\s+(?P<word>[A-ZА-ЯЁ][a-zа-яё]+)\s+(?=[a-zа-яё])")  # "…railway The two…"
# words that open a sentence and, capitalised, nothing else (articles, pronouns, a few prepositions); a
# language's whole stop-word list is too wide: jusText's English one holds "president" and "west"
_OPENERS = frozenset("the a an this these it its he she they we in on at after as but while when "
                     "это в на по после при он она они однако но как".split())
GLUED_HEAD_WORDS = 3  # the headline before a glued standfirst has at least this many words…
GLUED_STANDFIRST_WORDS = 6  # …and the standfirst at least this many


def _glued_standfirst(headline: str) -> int | None:
    """Where a standfirst glued to its headline by the scrape begins ("Iran and Russia agree to speed up
    railway The two neighbours want the line finished within three years"), in characters, or None: a
    capitalised sentence opener (`_OPENERS`: "The", "In", "Это") after a word in lower case and before one
    (a name such as "The Hague" goes on in capitals), with GLUED_HEAD_WORDS words before it and
    GLUED_STANDFIRST_WORDS after, these in sentence case (not a Title Case headline's words)."""
    for glue in _GLUE.finditer(headline):
        if glue.group("word").lower() not in _OPENERS or len(headline[:glue.start()].split()) < GLUED_HEAD_WORDS:
            continue
        rest = headline[glue.start("word"):].split()
        if len(rest) >= GLUED_STANDFIRST_WORDS and sum(word[:1].isupper() for word in rest[1:]) < len(rest) / 2:
            return glue.start("word")
    return None


def _undoubled(title: _Line, headline: str, drop: Callable) -> str:
    """A headline written twice on its line ("X/YX/Y", dashes aside, as a scrape glued a page's
    title to its headline): once, the copy dropped as a repeated title."""
    middle = len(headline) // 2
    for cut in sorted(range(max(1, middle - 3), min(len(headline), middle + 4)), key=lambda c: abs(c - middle)):
        first, second = headline[:cut].strip(), headline[cut:].strip()
        if first and _same_words(first) == _same_words(second):
            drop(title, "headline written twice on its line (kept once)", headline)  # the glued word is whole here
            return first
    return headline


def _without_section(title: _Line, drop: Callable, found: _Found, outlets: Mapping[str, str], others: set[str]) -> str:
    """The headline without a site's section label after a bar ("… in Ukraine | Russia-Ukraine war"),
    or the site's name after a dash or bar, as a page's title writes it ("… в матче с США - Inc News"):
    that name, outlet-shaped or cut off a headline that the page prints bare as well (`others`: the
    other lines, case-folded: "… астанинского формата - Караван" over "… астанинского формата"), is the source."""
    if (site := _SITE_AFTER.search(title.text)) and len(title.text[:site.start()].split()) >= SECTION_WORDS \
            and (md.outlet_shaped(site.group("site"), outlets) or title.text[:site.start()].casefold() in others):
        found.sources.append((3, title.number, md.outlet_part(site.group("site"), outlets)))
        drop(title, "the site's name after the headline (source metadata)", site.group(0).strip())
        return title.text[:site.start()]
    head, bar, section = title.text.rpartition(" | ")
    if bar and len(section.split()) <= SECTION_WORDS and len(head.split()) >= SECTION_WORDS:
        drop(title, "section label after the headline", f"| {section}")
        return head
    return title.text


_SITE_AFTER = re.compile(r"\s[-–—|]\s(?P<site>[^\s\d–—|-][^\d–—|]{1,38})$")


_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")


def _unemphasised(title: str) -> str:
    """A headline without the Markdown emphasis wrapping all of it ("**…**", "__…__",
    "*…*"), as a scrape saved from Markdown writes it; emphasis on part of it stays."""
    found = _EMPHASIS.fullmatch(title)
    return found.group(2) if found and found.group(1) not in found.group(2) else title


def _whole_dateline(text: str, outlets: Mapping[str, str]) -> md.Dateline | None:
    """A dateline that is the whole line ("Washington CNN—", "TEHRAN, Iran, Jan. 10")."""
    dateline = md.find_dateline(text, outlets)
    return dateline if dateline is not None and dateline.end >= len(text.rstrip()) else None


def _sentence_over_dateline(content: list[_Line], outlets: Mapping[str, str]) -> bool:
    """Whether the first body-like line is a headline written with a full stop: one sentence of at most
    TITLE_MAX_WORDS words, right above a line that opens with a wire dateline in capitals or with an
    agency ("MOSCOW, Aug 21 (Reuters) – …"). A lead opens with its dateline; nothing of the article
    stands above it but the headline."""
    line, after = content[0], next((ln for ln in content[1:] if not ln.gone), None)
    if after is None or line.words > TITLE_MAX_WORDS or len(_SENTENCE_SPLIT.split(line.text)) > 1 or not line.text.endswith("."):
        return False
    dateline = md.find_dateline(after.text, outlets)
    return dateline is not None and bool(dateline.agency or dateline.where.isupper())


def _question_headline(content: list[_Line], opening: bool = False) -> bool:
    """Whether the first body-like line is a headline asking a question: one sentence ending
    in "?", headline-long, and the line after it no body text (a label, a byline), or it
    opens the file (`opening`) with no other sentence stop in it ("وعده‌های کاغذی/ … عملی است؟")."""
    first = content[0]
    return (first.text.endswith(("?", "؟")) and first.words <= TITLE_MAX_WORDS and len(_SENTENCE_SPLIT.split(first.text)) == 1
            and len(content) > 1 and (not content[1].good or opening and not re.search(r"[.!?؟]\s", first.text)))


def _slug_of(words: list[str], lead: str) -> bool:
    """Whether a file name's words name the story of its lead: one of its longer words
    (SLUG_LETTERS letters or more) opens a word of the lead ("tehran" in "…met in Tehran…"),
    as a slug made from the headline does; "saved-page-copy.txt" names none."""
    lead_words = {w[:SLUG_LETTERS] for w in _WORD.findall(lead.lower()) if len(w) >= SLUG_LETTERS}
    return any(w.lower()[:SLUG_LETTERS] in lead_words for w in words if len(w) >= SLUG_LETTERS and w.isalpha())


SLUG_LETTERS = 5  # letters of a file name's word compared with the lead's words ("tehra" meets "Tehran's")


def derive_title(name: str, lead: str) -> tuple[str, str]:
    """A title for a text without a headline: the file name when it reads like one and its
    words name the lead's story ("putin-visits-tehran.txt"), else the lead's first sentence,
    shortened with "…" ("my-saved-page.txt" beats no lead). Returns (title, provenance)."""
    stem = re.sub(r"\.[A-Za-z]{2,4}$", "", name)
    words = [w for w in re.split(r"[-_\s]+", stem) if w]
    if (len(words) >= 3 and sum(w.isalpha() for w in words) >= 3 and not any(re.fullmatch(r"[0-9a-f]{8,}", w) for w in words)
            and (not lead or _slug_of(words, lead))):
        return " ".join(words).capitalize(), "file name"
    sentence = _SENTENCE_SPLIT.split(lead, maxsplit=1)[0] if lead else ""
    if not sentence:
        return stem or "(untitled)", "file name"
    if len(sentence) > DERIVED_TITLE_CHARS or sentence != lead:
        cut = sentence[:DERIVED_TITLE_CHARS].rsplit(" ", 1)[0] if len(sentence) > DERIVED_TITLE_CHARS else sentence.rstrip(".")
        sentence = cut.rstrip(" ,;:.") + "…"
    return sentence, "derived"


# --- zones ---------------------------------------------------------------------------------

# An outlet and the place it reports from, alone on a line over the article: "PressTV, Téhéran", "BBC News, Moscow".
_OUTLET_PLACE = re.compile(r"^(?P<outlet>[^,\d]{2,30}?),\s*(?P<place>[A-ZÀ-ÞА-ЯЁ][\w'’-]+(?: [A-ZÀ-ÞА-ЯЁ][\w'’-]+)?)$")


def _top_zone(top: list[_Line], title: _Line | None, rest: list[_Line], drop: Callable, found: _Found,
              outlets: Mapping[str, str]) -> None:
    """Above the first body line: the headline, a standfirst under it, and furniture."""
    later = " ".join(ln.text for ln in rest if not ln.gone).casefold()
    seen_title = title is None
    under_title = False  # the line is the first one under the headline, where a standfirst stands
    for line in top:
        if line is title:
            seen_title = under_title = True
            continue
        if line.gone:
            continue
        standfirst, under_title = under_title and _short_standfirst(line, rest), False
        if title is not None and line.text.casefold() == title.text.casefold():
            drop(line, "repeated title")
            continue
        if title is not None and line.text.casefold().startswith(title.text.casefold()) and (
                site := _SITE_AFTER.fullmatch(line.text, len(title.text))):  # "<headline> - Караван" over "<headline>"
            found.sources.append((3, line.number, md.outlet_part(site.group("site"), outlets)))
            drop(line, "repeated title with the site's name (source metadata)")
            continue
        if (alias := md.outlet_in(line.text, outlets)) and line.words <= 14:
            found.sources.append((3, line.number, alias))
        elif line.words <= MASTHEAD_WORDS and md.outlet_shaped(line.text, outlets):  # "BBC News" over the page
            found.sources.append((3, line.number, md.outlet_part(line.text, outlets)))
        if (when := find_date(line.text)) is not None:
            found.dates.append((4, line.number, when[0]))
        if line.words <= 8 and (dateline := _whole_dateline(line.text, outlets)
                                or (md.caps_alone(line.text, outlets) if seen_title and line is top[-1] else None)):
            found.dateline = found.dateline or dateline.where or None
            if dateline.agency and (agency := md.agency_name(dateline.agency, outlets)):
                found.sources.append((0, line.number, agency))
            drop(line, "dateline (dateline metadata)")
        elif (signed := _OUTLET_PLACE.match(line.text)) and md.outlet_shaped(signed.group("outlet"), outlets) \
                and not md.outlet_shaped(signed.group("place"), outlets):
            found.sources.append((3, line.number, md.outlet_part(signed.group("outlet"), outlets)))
            found.dateline = found.dateline or signed.group("place")
            drop(line, "outlet and place (source and dateline metadata)")  # "PressTV, Téhéran", "BBC News, Moscow"
        elif _AUTHOR.match(line.text) and not md.outlet_shaped(line.text, outlets):
            drop(line, "byline")  # a name alone on its line above the article
        elif not seen_title:
            drop(line, "page furniture above the headline")
        elif page_title := _PAGE_TITLE.match(line.text):
            # the site's name closes another page's headline: two words or more, a domain or the table's outlet
            # ("… | Politics", "… | United States" are its sections)
            site = page_title.group("site")
            if (" " in site or "." in site or site.lower() in outlets) and not md.is_country(site):
                found.sources.append((WEAK, line.number, md.outlet_part(site, outlets)))
            drop(line, "headline of another page (title | site)")
        elif line.words >= 4 and line.text.casefold().rstrip(".…").rstrip() in later:  # "…making it all but inevitable…"
            drop(line, "summary repeated in the text")
        elif line.words < STANDFIRST_WORDS and not (title is None and _short_sentence(line)) and not standfirst:
            drop(line, "page furniture above the article")


STANDFIRST_SHORT = 3  # words at least of a standfirst shorter than STANDFIRST_WORDS ("Мероприятие может состояться 12 августа")


def _short_standfirst(line: _Line, rest: list[_Line]) -> bool:
    """Whether a short line right under the headline is its standfirst, article text: a clause of
    STANDFIRST_SHORT words or more, in sentence case (not a Title Case label nor one closing with a
    colon), with a finite verb when Russian (a stop word otherwise), sharing a content word with the
    article's first lines. A menu's or section's label ("Все новости", "Latest News") is none of these."""
    text = line.text
    if line.words < STANDFIRST_SHORT or not text[:1].isupper() or text.endswith((":", "：")) or _URL.search(text) \
            or text.endswith(_TEASER_END) or line.address:
        return False
    long_words = [w for w in text.split()[1:] if w[:1].isalpha() and w.lower() not in _SMALL_WORDS]
    if long_words and sum(w[:1].isupper() for w in long_words) >= TITLE_CASE_SHARE * len(long_words):
        return False  # "Latest News From Iran": a label in Title Case
    if has_cyrillic(text):
        if not any(is_finite_verb(word) for word in line.tokens):
            return False
    elif not line.stop_density:
        return False
    return bool({_crude_stem(w) for w in line.tokens if len(w) > 2} & _body_stems(rest))


def _body_stems(rest: list[_Line]) -> set[str]:
    """The `_crude_stem`s of every word of the body's first HEADLINE_CONTEXT lines, stop words too
    (a list's "переговоры", "заявил" are a story's words as well)."""
    return {_crude_stem(w) for ln in rest[:HEADLINE_CONTEXT] if not ln.gone for w in ln.tokens if len(w) > 2}


def _caption_over_byline(content: list[_Line], drop: Callable, outlets: Mapping[str, str]) -> None:
    """A photo's caption written as a sentence over the byline ("Shoigu and Dehghan shake hands during
    their meeting in Moscow…" / "Riley Waggaman" / "Press TV, Moscow" / lead): the first body-shaped
    line, of at most CAPTION_WORDS words, right above a reporter's name and an outlet and place under
    it, with body text under them; or right above the story's timestamp and a headline over body text.
    A lead never stands over its own byline, nor over its headline (dev set clean11)."""
    alive = [line for line in content if not line.gone]
    first = next((i for i, line in enumerate(alive) if line.good), None)
    if first is None or first + 2 >= len(alive) or alive[first].words > CAPTION_WORDS:
        return
    line, name, signed = alive[first:first + 3]
    bylined = (_AUTHOR.match(name.text) and not name.good and (place := _OUTLET_PLACE.match(signed.text))
               and md.outlet_shaped(place.group("outlet"), outlets) and any(later.good for later in alive[first + 3:]))
    # …or over the story's timestamp and its headline ("Le président russe … rencontre son homologue…" /
    # "8 janvier 2023" / "Iran-Russie, un partenariat controversé à Téhéran" / lead)
    stamped = (content[content.index(line) + 1].reason.startswith("timestamp") and not name.good and _title_shaped(name)
               and name.words > TITLE_SHORT and signed.good)  # a headline, not a section's label ("Politics")
    if bylined or stamped:
        line.good = False
        drop(line, CAPTION)


def _short_sentence(line: _Line) -> bool:
    """A short line that reads as a sentence of prose ("So here goes."): two words or more, a stop
    word among them, a full stop, a question mark or an ellipsis at its end. On a page with no
    headline (a blog's) such lines above the first long one are the text, not the page's furniture
    ("Contribute today", "Support us!": no stop word, or a prompt's "!")."""
    return line.words >= 2 and line.stop_density > 0 and line.text.endswith((".", "?", "…", "؟")) \
        and not line.text.endswith("..")


def _bottom_zone(bottom: list[_Line], final: _Line | None, drop: Callable, found: _Found, outlets: Mapping[str, str]) -> None:
    """Below the last body line: short lines that do not end a sentence are the site's.

    One of the first CUT_PARAGRAPH_POSITION lines under the body (a subheading of at
    most STRAY_WORDS words may stand before it, another story's headline not) is its last paragraph when it reads as prose
    (CUT_PARAGRAPH_WORDS words or more, the language's share of stop words) but
    stops mid-sentence: scrapes cut articles off (held-out articles lost such
    paragraphs, issue 13). When it is the file's last line (`final`), a shorter one counts,
    if it is dense in stop words (CUT_STOP_DENSITY): "…همکاری‌های گسترده‌ی دفاعی".
    """
    remaining = [ln for ln in bottom if not ln.gone or ln.reason == ACTION]  # "READ MORE" ends the article
    for position, line in enumerate(remaining):
        if line.gone:
            continue
        # a subheading may stand between the body and its cut last paragraph, another story's headline not
        after_body = position == 0 or position < CUT_PARAGRAPH_POSITION and remaining[0].words <= STRAY_WORDS
        # …and a cut line over another cut line is the first of a list of teasers ("…reached the beseiged…")
        listed = line.text.endswith(_TEASER_END) and position + 1 < len(remaining) \
            and remaining[position + 1].text.endswith(_TEASER_END)
        if after_body and not listed and line.stop_density >= GOOD_STOP_DENSITY and (
                line.words >= CUT_PARAGRAPH_WORDS
                or line is final and line.words >= STANDFIRST_WORDS and line.stop_density >= CUT_STOP_DENSITY):
            continue
        if (domain := md.footer_domain(line.text)) is not None and line is bottom[-1]:
            found.sources.append((2, line.number, domain))
            drop(line, "footer domain (source metadata)")
        elif line.text.endswith(_TEASER_END) or line.text.startswith(("...", "…")) or _capitalised_label(line):
            drop(line, "teaser of another story")
        elif line.stop_density == 0 or _quote_ended(line.text) or not (
                line.terminal and line.words >= STANDFIRST_WORDS or line.text.endswith(_CLOSING) and line.words >= 3):
            if (alias := md.outlet_in(line.text, outlets)) and line.words <= 8:
                found.sources.append((3, line.number, alias))
            elif line.words <= MASTHEAD_WORDS and md.outlet_shaped(line.text, outlets):  # "Asian News International"
                found.sources.append((3, line.number, md.outlet_part(line.text, outlets)))
            drop(line, "page furniture below the article")


def _capitalised_label(line: _Line) -> bool:
    """A link under the article written as a label ("Our Standards: The Thomson Reuters Trust
    Principles."): at most LABEL_LINK_WORDS words, a colon, and every word but the joining
    ones capitalised; a closing sentence has words in lower case."""
    if ":" not in line.text or not 3 <= line.words <= LABEL_LINK_WORDS:
        return False
    words = [w for w in line.text.split() if w[:1].isalpha() and w.lower() not in _SMALL_WORDS]
    return bool(words) and all(w[:1].isupper() for w in words)


LABEL_LINK_WORDS = 10
# A line ending on a closing quote with no full stop before it: another story's headline quoting
# someone ('Гороскоп на 28 ноября: как … не "наломать дров"'), not a paragraph's end.
_QUOTE_ENDED = re.compile(r"[^.!?…؟\s\"”’'»][\"”’'»]$")
QUOTE_REACH = 3  # _QUOTE_ENDED ends a line: searched in its last characters only, not along a whole paragraph


def _quote_ended(text: str) -> bool:
    """Whether `text` (one line) ends on a closing quote with no full stop before it (`_QUOTE_ENDED`)."""
    return _QUOTE_ENDED.search(text, max(0, len(text) - QUOTE_REACH)) is not None


def _doubled_captions(content: list[_Line], title: _Line | None, drop: Callable) -> None:
    """A short line without a full stop written twice on two raw lines in a row (an image's alt
    text and its caption, "Путин и Верховный лидер Ирана аятолла Хаменеи" twice): the
    caption, not a subheading; the second copy is already dropped as repeated."""
    for before, after in zip(content, content[1:]):
        if (not before.gone and before is not title and after.reason == "repeated line" and after.number == before.number + 1
                and after.text == before.text and not before.terminal):
            drop(before, CAPTION)


def _captions(body: list[_Line], drop: Callable) -> None:
    """A line without a full stop just above a dropped caption is its alt text (so is a word
    or three in lower case), and a line next to one that it repeats (the caption again
    without its credit) is the caption too."""
    for before, after in zip(body, body[1:]):
        if (not before.gone and after.reason == CAPTION and not before.terminal and before.words >= 5
                and len(_WORD.findall(before.text.lower())) and _shared(before.text, after.text) >= 0.5):
            drop(before, CAPTION)
        elif not before.gone and after.reason == CAPTION and 1 <= before.words <= ALT_WORDS and before.text[:1].islower():
            drop(before, CAPTION)  # an image's alt text in lower case over its credit: "встреча" / "Фото: kremlin.ru"
    for before, after in zip(body, body[1:]):
        for line, caption in ((before, after), (after, before)):
            if not line.gone and caption.reason == CAPTION and line.words >= 3 and (
                    line.text.rstrip(".") in caption.text or not line.good and _shared_tail(line.text, caption.text) >= CAPTION_TAIL_WORDS):
                drop(line, CAPTION)


CAPTION_TAIL_WORDS = 3  # words a line ends on as its neighbouring caption does: the caption again behind a player's buttons


def _shared_tail(a: str, b: str) -> int:
    """How many words two lines end on alike ("Выйти из полноэкранного режима … Посол Ирана в РФ Казем
    Джалали" and "Фото: …, Коммерсантъ Посол Ирана в РФ Казем Джалали": five)."""
    shared = 0
    for x, y in zip(reversed(a.split()), reversed(b.split())):
        if x != y:
            break
        shared += 1
    return shared


CREDIT_LINE_WORDS = 8  # a photo credit alone on its line ("OFFICE OF THE IRANIAN PRESIDENCY/AP") has at most this many words


def _caption_by_credit(content: list[_Line], title: _Line | None, drop: Callable) -> None:
    """A photo's caption (or alt text) standing alone over a dropped caption or credit: a line that is
    not the headline nor body-shaped, of 3 to CAPTION_ABOVE_WORDS words, right above a credit alone on
    its line ("Volodin meets President Rouhani in Tehran this week" / "OFFICE OF THE IRANIAN
    PRESIDENCY/AP"), or, without a full stop, between furniture and a dropped caption ("." / "Map of
    the corridor with its routes" / "Map of … (From the Public Domain)"). A subheading stands under
    body text and over body text (dev set clean11, issue 13)."""
    for position, line in enumerate(content[:-1]):
        below = content[position + 1]
        if line.gone or line.good or line is title or below.reason != CAPTION or not 3 <= line.words <= CAPTION_ABOVE_WORDS:
            continue
        credit_alone = below.words <= CREDIT_LINE_WORDS and "(" not in below.text and _credit(below.text)  # not "Name (Фото: …)"
        framed = not line.terminal and (position == 0 or content[position - 1].gone)
        if credit_alone and not line.terminal or framed:
            drop(line, CAPTION)


# Not labels, though short and in words the article may not use (a newcomer's pages): the speaker
# a quotation ends with, on a line of its own ("– руководитель внешнеполитического ведомства"),
# and an essay's section heading, an article and a phrase ("A Partnership of Necessity").
_SPEAKER_AFTER_QUOTE = re.compile(r"^[-–—]\s*[^\W\d_A-ZА-ЯЁ]")
_ESSAY_HEADING = re.compile(r"^(?:A|An|The)\s+[A-Z]\w+\s+(?:of|for|and|in|with)\s+[A-Z]")


def _strays(body: list[_Line], title: _Line | None, stop: frozenset[str], drop: Callable) -> None:
    """A short label between paragraphs ("Recommended Videos", "Читайте также") whose
    content words the article uses nowhere else: the site's, not a subheading (a
    subheading announces what follows, in the article's own words). So too a headline of
    another story the site injected between paragraphs ("Aeroflot Forced to Send Aircraft
    for Repair" in a railway story): a longer title-shaped line at most a quarter of whose
    content words (INJECTED_SHARED) the article uses elsewhere."""
    labels = [line for line in body if not (line.gone or line.good or not 1 <= line.words <= TITLE_MAX_WORDS
                                            or line.terminal or _DIGIT.search(line.text) or "." in line.text
                                            or _SPEAKER_AFTER_QUOTE.match(line.text) or _ESSAY_HEADING.match(line.text))]
    if not labels:
        return
    # compared on their first STRAY_PREFIX letters: "визите" under a text that writes "визит"
    stems: dict[str, int] = {}
    for line in [*body, *([title] if title else [])]:
        if not line.gone:
            for stem in {stem[:STRAY_PREFIX] for stem in _stems(line, stop)}:
                stems[stem] = stems.get(stem, 0) + 1
    for line in labels:
        own = {stem[:STRAY_PREFIX] for stem in _stems(line, stop)}
        shared = sum(stems.get(stem, 0) > 1 for stem in own)
        if line.words <= STRAY_WORDS and own and not shared:
            drop(line, "label between paragraphs (not the article's words)")
        elif line.words > STRAY_WORDS and len(own) >= INJECTED_WORDS and shared <= INJECTED_SHARED * len(own) \
                and _title_shaped(line) and line.text.count(",") + line.text.count("،") <= 1:  # a list runs on in commas
            drop(line, "another story's headline between paragraphs (not the article's words)")


def _shared(a: str, b: str) -> float:
    wa, wb = set(_WORD.findall(a.lower())), set(_WORD.findall(b.lower()))
    return len(wa & wb) / len(wa) if wa else 0.0


# --- paragraphs ----------------------------------------------------------------------------

def _hard_wrapped(lines: list[_Line]) -> int:
    """The width of fixed-width wire copy in characters, 0 when the text is not wrapped:
    most lines nearly as long as the longest (at most WRAP_WIDTH), many of them stopping
    mid-sentence."""
    lengths = [len(ln.text) for ln in lines if ln.text and not ln.gone]
    if len(lengths) < 4:
        return 0
    longest = max(lengths)
    wrapped = longest <= WRAP_WIDTH and sum(n >= 0.75 * longest for n in lengths) >= 0.6 * len(lengths) \
        and sum(not ln.terminal for ln in lines if ln.text and not ln.gone) >= 0.4 * len(lengths)
    return longest if wrapped else 0


CONTINUED_WORDS = 4  # a line this long may go on with a quoted tail on the next line (a menu item is shorter)
TAIL_WORDS = 3  # the last words of a sentence broken off onto a line of their own
WRAP_WIDTH = 160  # wrapped copy is at most this wide (wire copy: 64-80; a scrape's fixed 140)
WRAP_FULL = 0.6  # a wrapped line this share of the width long is full: the next line goes on with its paragraph


def _merge(lines: list[_Line], width: int) -> list[_Line]:
    """Join raw lines into logical lines, one per paragraph (or headline, or furniture).

    A blank line ends one, and so does a single newline after a complete
    sentence or before a capital (files written one line per paragraph),
    unless the copy is hard-wrapped at `width` characters, where a blank line or a
    line well short of the width does (a paragraph's last line, a headline, a label).
    A line that stops mid-sentence and is followed by one starting in lower case is a
    broken sentence, and is rejoined; a word hyphenated across the line end
    ("Amir-" / "Abdollahian") is rejoined without a space.
    """
    merged: list[_Line] = []
    current: _Line | None = None
    last = 0  # length of the raw line before
    for line in lines:
        if not line.text or line.gone:
            current, last = None, 0
            continue
        wrapped_on = width and last >= WRAP_FULL * width
        if current is not None and (wrapped_on or _continues(current.text, line.text)):
            current.text += line.text if re.search(r"\w-$", current.text) else " " + line.text
            last = len(line.text)
            continue
        current, last = _Line(line.number, line.text), len(line.text)
        merged.append(current)
    return merged


def _continues(previous: str, following: str) -> bool:
    """Whether a line goes on with the one before: that one stops mid-sentence and this one
    opens in lower case (or the word was hyphenated), unless that one is a short name in
    capitals ("BBC News" over "watch One-Minute World News": a masthead, then a link).
    A sentence's last words in quotes, broken off as a link onto a line of their own, go
    on with a line of CONTINUED_WORDS words or more ending in lower case ("…, сообщает
    корреспондент" / "«Ленты.ру»."). A timestamp, and a short item over another (tags, one a
    line), are not sentences."""
    if previous.endswith(_TERMINAL):
        return False
    if (len(words := previous.split()) >= CONTINUED_WORDS and following[:1] in "«“\"" and words[-1][:1].islower()
            and len(following.split()) <= TAIL_WORDS and following.endswith((".", ".»", "»."))):
        return True
    if not (following[:1].islower() or re.search(r"\w-$", previous)):
        return False
    if (stamp := _ISO_STAMP.match(previous)) and stamp.end() == len(previous):
        return False  # "2020-03-03T18:30:00+03:00" over "интервью - авторы": a page's metadata, one item a line
    if len(previous.split()) <= TAG_WORDS and len(following.split()) <= TAG_WORDS and not following.endswith(_TERMINAL):
        return False  # "сша" / "иран" / "казем джалали": a list of tags, one a line (dev set clean11)
    words = previous.split()
    return not (len(words) <= MASTHEAD_WORDS - 1 and all(w[:1].isupper() for w in words) and not re.search(r"\w-$", previous))


def _lift_dateline(paragraphs: list[tuple[int, str]], found: _Found, outlets: Mapping[str, str],
                   drop: Callable, stop: frozenset[str]) -> list[tuple[int, str]]:
    """Turn the dateline opening one of the first body paragraphs into metadata (the
    first one may open with a place and a colon, "Moscow: …"), and an outlet opening
    one of them ("IRNA The three…", "به گزارش ایلنا،") into the source, the paragraph
    after a dateline's included ("تهران- ایران پرس: …" / "به گزارش خبرگزاری ایران پرس، …")."""
    position, dated = 0, False
    while position < min(3, len(paragraphs)):
        number, text = paragraphs[position]
        line = _Line(number, text)
        # a place and a colon open a lead, a sentence: "Лавров: России небезразлично то, как развивается ситуация
        # с Ираном", a speaker's words under a headline without a full stop, names no place (dev set clean11)
        dateline = None if dated else (
            md.find_dateline(text, outlets)
            or ((text.endswith(_TERMINAL) and md.lead_place(text, stop, outlets)) or md.caps_place(text, stop, outlets)
                if position <= 1 else None))
        if dateline is None:
            if opening := md.outlet_opening(text, outlets) or (md.persian_tag(text) if position == 0 else None):
                found.sources.append((1 + position, number, opening[0]))
                if opening[1]:
                    drop(line, "source (source metadata)", text[:opening[1]].strip())
                    paragraphs[position] = (number, text[opening[1]:].strip())
            position += 1
            continue
        dated, found.dateline = True, dateline.where or None
        if dateline.agency and (agency := md.agency_name(dateline.agency, outlets)):
            found.sources.append((0, number, agency))
        if dateline.date:
            found.dates.append((1, number, dateline.date))
        drop(line, "dateline (dateline metadata)", text[:dateline.end].strip())
        if rest := text[dateline.end:].strip():
            paragraphs[position] = (number, rest)
            position += 1
        else:
            del paragraphs[position]
    return paragraphs


def _collapse_duplicates(paragraphs: list[tuple[int, str]], drop: Callable) -> list[tuple[int, str]]:
    """Collapse a sentence repeated back to back (a duplicated photo caption) and drop
    a paragraph that repeats another: the same words as an earlier one (spacing, case,
    punctuation and half-spaces aside), or another's words behind a short label ("Shana:
    …", "پارسینه: …", as scrapes repeat a lead under the outlet's name); the copy
    without the label stays."""
    collapsed = []
    for number, text in paragraphs:
        sentences = _SENTENCE_SPLIT.split(text)
        unique = sentences[:1]
        for sentence in sentences[1:]:
            if sentence == unique[-1]:
                drop(_Line(number, sentence), "duplicated sentence", sentence)
            else:
                unique.append(sentence)
        collapsed.append((number, " ".join(unique) if len(unique) < len(sentences) else text))
    keys = [_same_words(text) for _, text in collapsed]
    counts = Counter(keys)  # linear: a truncated 50 MB article has tens of thousands of paragraphs
    seen: set[str] = set()
    result = []
    for (number, text), key in zip(collapsed, keys):
        label = _LABEL_PREFIX.match(text)
        # the label ends on a colon or dash, so its words open the key: the rest of the key is the
        # unlabelled copy's (one pass over the paragraph, not two: 20,000-paragraph texts)
        unlabelled = key.split(" ", len(_same_words(label.group()).split()))[-1] if label and " " in key else ""
        if key in seen or (unlabelled and counts.get(unlabelled, 0) and len(unlabelled.split()) >= REPEAT_WORDS):
            drop(_Line(number, text), REPEATED, text)
            continue
        if _within_lead(text, key, list(zip((lead for _, lead in collapsed[:FRAGMENT_REACH]), keys[:FRAGMENT_REACH]))):
            drop(_Line(number, text), "part of a paragraph printed again (a teaser or a page's repeat)", text)
            continue
        seen.add(key)
        result.append((number, text))
    return result


REPEATED = "repeated paragraph"
FRAGMENT_WORDS = 8  # a paragraph this long whose words run inside one of the first paragraphs is a copy of its part…
FRAGMENT_REACH = 3  # …of the first this many (pages print the lead twice: a teaser over it, or a cut repeat under the article)


def _within_lead(text: str, key: str, leads: list[tuple[str, str]]) -> bool:
    """Whether a paragraph (`text`, its words `key`: `_same_words`, at least FRAGMENT_WORDS) is a cut
    copy of a longer opening paragraph (`leads`: (text, key) pairs): its words run, in order, inside
    that paragraph's, and it starts or stops mid-sentence ("…from Russia,
    Syria, Turkey and Iran will meet in the capital of" under the article whose lead says it, or a
    teaser standing over the lead it cuts short). Whole sentences said again are the article's."""
    if key.count(" ") + 1 < FRAGMENT_WORDS:
        return False
    padded = f" {key} "
    for lead, lead_key in leads:
        if len(lead_key) > len(key) and padded in f" {lead_key} ":
            found = re.search(r"\W+".join(map(re.escape, key.split())), lead.casefold().replace("\u200c", ""))
            if found is None:
                continue
            before = lead[:found.start()].rstrip()
            if text[:1].islower() or before and not before.endswith(_SENTENCE_END) or not text.rstrip().endswith(_SENTENCE_END):
                return True  # it opens or stops mid-sentence
    return False


_SENTENCE_END = (".", "!", "?", "…", "؟", '"', "”", "»", "’")
REPEAT_WORDS = 6  # a labelled paragraph repeats another of at least this many words
_LABEL_PREFIX = re.compile(r"^[^\s:：–—-][^:：–—\n]{0,40}?\s*(?:[:：]|\s[-–—]|[-–—](?=\S))\s*(?=\S)")


def _same_words(text: str) -> str:
    """A paragraph's words, lower case, without punctuation or half-spaces, Arabic ي ك as Persian ی ک:
    what two copies share."""
    return " ".join(WORD_RUN.findall(md.persian_letters(text.casefold().replace("\u200c", ""))))


def _url_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Where web addresses are in a paragraph (character offsets): annotators skip them."""
    return tuple(m.span() for m in _URL.finditer(text)) if ("/" in text or "www." in text) else ()


def masked(paragraph: Paragraph) -> str:
    """The paragraph's text with its web addresses blanked (same length, so offsets hold):
    what the entity and topic matchers see."""
    text = paragraph.text
    for start, end in paragraph.urls:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _kind(text: str, index: int, total: int) -> str:
    if _is_subheading(text, index, total):
        return "subheading"
    if _opens_quoting(text):
        return "quote"
    return "body"


NAME_IN_QUOTES_WORDS = 4  # «Росатом», “Tehran Times”, «Северный поток — 2»: a name, not a quotation


def _opens_quoting(text: str) -> bool:
    """Whether a paragraph opens with a quotation (shown as one: italic), not with a name in
    quotes that the sentence goes on from ("«Роснефть» и НИОК подписали…", a newcomer's page):
    a quoted opening of at most NAME_IN_QUOTES_WORDS words with no punctuation inside or right
    after it (", — сказал он": a speaker follows a quotation), followed by more of the sentence,
    is a name."""
    if not text.startswith(_OPEN_QUOTES):
        return False
    close = text.find(_CLOSE_QUOTE[text[0]], 1)
    if close < 0:
        return True
    quoted, after = text[1:close], text[close + 1:].strip()
    return len(quoted.split()) > NAME_IN_QUOTES_WORDS or any(c in quoted for c in ".,!?…;:؟،") \
        or len(after.split()) < 2 or after[0] in ".,!?…;:؟،—–-"


def _is_subheading(text: str, index: int, total: int) -> bool:
    """A short line, not a sentence, with body text after it."""
    words = text.split()
    if index == total - 1 or not 1 <= len(words) <= 14 or len(text) > 110 or _SPEAKER_AFTER_QUOTE.match(text):
        return False
    inner = text.strip("\"“”‘’'«»")
    if inner.endswith((".", ",", ";", ":", "!", "?", "…", "؟")) or not (inner[:1].isupper() or not inner[:1].isascii()):
        return False
    return True
