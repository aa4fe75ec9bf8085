"""Data tables for real-world inputs: record keys, header vocabulary, boilerplate lines.

Matching logic lives in the modules beside this one; adding a key name, a desk, an agency
or a share-button label means adding a line here.
"""

from __future__ import annotations

# --- JSON / JSON Lines / CSV records ---------------------------------------------------------
# Article field -> key names tried in order (matched case-insensitively, `_`/`-`/space alike,
# Bengali in any Unicode form: keys are NFC-normalised before they are compared).
RECORD_KEYS: dict[str, tuple[str, ...]] = {
    "headline": ("headline", "title", "heading", "shironam", "শিরোনাম", "হেডলাইন"),
    "body": (
        "body",
        "content",
        "article",
        "text",
        "article_body",
        "articlebody",
        "description_full",
        "বিস্তারিত",
        "সংবাদ",
        "খবর",
        "মূল খবর",
        "বিবরণ",
        "কনটেন্ট",
    ),
    "published": (
        "published",
        "date",
        "publication_date",
        "published_at",
        "pubdate",
        "date_published",
        "datepublished",
        "published_date",
        "publish_date",
        "pub_date",
        "created_at",
        "time",
        "datetime",
        "প্রকাশের তারিখ",
        "প্রকাশকাল",
        "প্রকাশ",
        "তারিখ",
        "সময়",
    ),
    "url": ("url", "link", "source_url", "article_url", "permalink", "লিংক", "লিঙ্ক"),
    "author": ("author", "authors", "byline", "reporter", "writer", "লেখক", "প্রতিবেদক"),
    "category": ("category", "section", "categories", "sections", "topic", "বিভাগ", "ক্যাটাগরি"),
    "tags": ("tags", "keywords", "tag", "keyword", "ট্যাগ", "কিওয়ার্ড"),
}

# A record whose article sits in an object under one of these keys (an Elasticsearch or
# OpenSearch hit's `_source`, a JSON:API `attributes`): that object's members are read too,
# after the record's own.
RECORD_WRAPPER_KEYS: tuple[str, ...] = (
    "_source",
    "fields",
    "attributes",
    "data",
    "doc",
    "document",
    "record",
    "item",
    "node",
    "post",
    "article",
)

# A JSON document that is an object holding its records in a list under one of these keys.
RECORD_LIST_KEYS: tuple[str, ...] = ("articles", "data", "items", "records", "results", "news", "posts")

# --- Lines above the body: bylines, datelines, publication stamps ------------------------------
# Labels that introduce a publication / update time: `প্রকাশ: ১৩ অক্টোবর ২০২৩, ১০:৩০`.
PUBLISHED_LABELS: tuple[str, ...] = (
    "প্রকাশ",
    "প্রকাশিত",
    "প্রকাশের সময়",
    "প্রকাশ সময়",
    "প্রথম প্রকাশ",
    "প্রকাশকাল",
    "পোস্ট",
    "Published",
    "Publish",
    "Posted",
)
UPDATED_LABELS: tuple[str, ...] = ("আপডেট", "হালনাগাদ", "সর্বশেষ আপডেট", "আপডেট সময়", "Updated", "Last updated")

# Staff and desk bylines. A line that is one of these (or "<name>, <one of these>") is a byline.
STAFF_BYLINES: tuple[str, ...] = (
    "নিজস্ব প্রতিবেদক",
    "নিজস্ব সংবাদদাতা",
    "স্টাফ রিপোর্টার",
    "বিশেষ প্রতিনিধি",
    "বিশেষ প্রতিবেদক",
    "জ্যেষ্ঠ প্রতিবেদক",
    "নিজস্ব প্রতিনিধি",
    "অনলাইন ডেস্ক",
    "অনলাইন প্রতিবেদক",
    "ডেস্ক রিপোর্ট",
    "বার্তা সংস্থা",
)
# "<something> ডেস্ক" / "<place> প্রতিনিধি" / "<place> সংবাদদাতা" are bylines too.
BYLINE_SUFFIXES: tuple[str, ...] = ("ডেস্ক", "প্রতিনিধি", "সংবাদদাতা", "প্রতিবেদক", "করেসপন্ডেন্ট", "রিপোর্টার")
# Words that open a reporter's-name byline: `লেখা: ...`, `লিখেছেন ...`.
BYLINE_PREFIXES: tuple[str, ...] = ("লেখা:", "লেখক:", "লিখেছেন", "প্রতিবেদন:", "প্রতিবেদক:")
# A reporter's name on its own line is recognised only when short; these words in a line
# mean it is a sentence, not a name.
BYLINE_MAX_WORDS = 5

# News agencies named in a dateline's brackets: `ঢাকা, ১২ অক্টোবর (বাসস) –`.
AGENCIES: tuple[str, ...] = (
    "বাসস",
    "ইউএনবি",
    "বিডিনিউজ টোয়েন্টিফোর ডটকম",
    "বিডিনিউজ২৪",
    "রয়টার্স",
    "এএফপি",
    "এপি",
    "পিটিআই",
    "আইএএনএস",
    "এএনআই",
    "বিবিসি",
    "আল জাজিরা",
    "সিনহুয়া",
    "ইউএনবি/বাসস",
    "প্রতিনিধি",
    "নিজস্ব প্রতিবেদক",
    "BSS",
    "UNB",
    "AFP",
    "AP",
    "Reuters",
    "PTI",
)
# Dashes and colons that close a dateline.
DATELINE_ENDS: str = "–—-:"

# --- Scraping artefacts --------------------------------------------------------------------------
# A whole line made of these (and separators such as | • ·) is share/follow boilerplate.
BOILERPLATE_WORDS: tuple[str, ...] = (
    "শেয়ার করুন",
    "শেয়ার",
    "শেয়ার",
    "ফলো করুন",
    "অনুসরণ করুন",
    "সাবস্ক্রাইব করুন",
    "লাইক দিন",
    "আমাদের ফেসবুক পেজ",
    "গুগল নিউজে",
    "গুগল নিউজ",
    "ইউটিউব চ্যানেল",
    "সাবস্ক্রাইব",
    "প্রিন্ট",
    "ফেসবুক",
    "টুইটার",
    "হোয়াটসঅ্যাপ",
    "হোয়াটসঅ্যাপ",
    "লিংকডইন",
    "ইমেইল",
    "কপি লিংক",
    "বিজ্ঞাপন",
    "Share",
    "Share this",
    "Follow",
    "Follow us",
    "Subscribe",
    "Facebook",
    "Twitter",
    "WhatsApp",
    "LinkedIn",
    "Email",
    "Print",
    "Copy link",
    "X",
)
# Phrases that mark a boilerplate line wherever they stand in a short line.
BOILERPLATE_PHRASES: tuple[str, ...] = (
    "ফলো করুন",
    "সাবস্ক্রাইব করুন",
    "শেয়ার করুন",
    "শেয়ার করুন",
    "আরও পড়ুন",
    "আরো পড়ুন",
    "আমাদের ফেসবুক পেজে লাইক দিন",
    "গুগল নিউজে ফলো",
    "Follow us on",
    "সর্বস্বত্ব সংরক্ষিত",
    "স্বত্ব ©",
    "All rights reserved",
    "Read more:",
)
# Longest boilerplate line considered, in characters: a real paragraph is longer.
BOILERPLATE_MAX_CHARS = 80
