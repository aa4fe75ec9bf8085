"""Bengali temporal vocabulary: the data the date finder matches, apart from its logic.

Like HeidelTime's per-language resources: to teach the finder a new spelling, add it to
the table it belongs to; nothing else changes. Entries may be typed in any Unicode form
(য় as one code point or as য + nukta); the token table normalises them to NFC.

Each table maps a surface form (without case endings) to its value. Case endings are
listed once, in ENDINGS, and apply to every noun-like entry.
"""

from __future__ import annotations

# Gregorian months, value 1-12. English names are matched case-insensitively.
MONTHS: dict[str, int] = {
    "জানুয়ারি": 1,
    "জানুয়ারী": 1,
    "জানুআরি": 1,
    "ফেব্রুয়ারি": 2,
    "ফেব্রুয়ারী": 2,
    "ফেব্রুআরি": 2,
    "মার্চ": 3,
    "এপ্রিল": 4,
    "মে": 5,
    "জুন": 6,
    "জুলাই": 7,
    "আগস্ট": 8,
    "আগষ্ট": 8,
    "অগাস্ট": 8,
    "অগস্ট": 8,
    "সেপ্টেম্বর": 9,
    "সেপ্টেম্বার": 9,
    "সেপ্টেমবর": 9,
    "অক্টোবর": 10,
    "অক্টোবার": 10,
    "অকটোবর": 10,
    "নভেম্বর": 11,
    "নভেম্বার": 11,
    "নবেম্বর": 11,
    "ডিসেম্বর": 12,
    "ডিসেম্বার": 12,
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}

# Months of the Bengali calendar (Bangladesh's revised Bangabda), 1 = Boishakh.
BENGALI_MONTHS: dict[str, int] = {
    "বৈশাখ": 1,
    "বোশেখ": 1,
    "জ্যৈষ্ঠ": 2,
    "জৈষ্ঠ": 2,
    "জষ্টি": 2,
    "আষাঢ়": 3,
    "শ্রাবণ": 4,
    "শ্রাবন": 4,
    "ভাদ্র": 5,
    "আশ্বিন": 6,
    "কার্তিক": 7,
    "কার্ত্তিক": 7,
    "অগ্রহায়ণ": 8,
    "অগ্রহায়ন": 8,
    "অঘ্রান": 8,
    "পৌষ": 9,
    "মাঘ": 10,
    "ফাল্গুন": 11,
    "ফাগুন": 11,
    "চৈত্র": 12,
    "চোত": 12,
}

# Months of the Hijri calendar, 1 = Muharram. Two-word names are matched as phrases.
HIJRI_MONTHS: dict[str, int] = {
    "মহররম": 1,
    "মুহাররম": 1,
    "মুহররম": 1,
    "সফর": 2,
    "ছফর": 2,
    "রবিউল আউয়াল": 3,
    "রবিউল আওয়াল": 3,
    "রবিউস সানি": 4,
    "রবিউল আখির": 4,
    "রবিউস সানী": 4,
    "জমাদিউল আউয়াল": 5,
    "জুমাদাল উলা": 5,
    "জমাদিউস সানি": 6,
    "জমাদিউল আখির": 6,
    "জুমাদাল আখিরাহ": 6,
    "রজব": 7,
    "শাবান": 8,
    "শা'বান": 8,
    "রমজান": 9,
    "রমযান": 9,
    "শাওয়াল": 10,
    "জিলকদ": 11,
    "জিলক্বদ": 11,
    "জিলকদ্": 11,
    "জিলহজ": 12,
    "জিলহজ্জ": 12,
    "জিলহজ্ব": 12,
}

# Weekdays, Monday = 0 as in Python's datetime.
WEEKDAYS: dict[str, int] = {
    "সোমবার": 0,
    "মঙ্গলবার": 1,
    "বুধবার": 2,
    "বৃহস্পতিবার": 3,
    "বিষ্যুদবার": 3,
    "বৃহষ্পতিবার": 3,
    "শুক্রবার": 4,
    "শনিবার": 5,
    "রবিবার": 6,
    "রোববার": 6,
    "রোবার": 6,
}

# Weekday names without বার, used only in a list that ends with a full name (সোম, মঙ্গল ও বুধবার).
WEEKDAY_STEMS: dict[str, int] = {
    "সোম": 0,
    "মঙ্গল": 1,
    "বুধ": 2,
    "বৃহস্পতি": 3,
    "শুক্র": 4,
    "শনি": 5,
    "রবি": 6,
    "রোব": 6,
}

# Days named relative to the reference date. "past"/"future" take the sign from the tense
# of the clause (কাল is yesterday or tomorrow, পরশু the day before yesterday or after tomorrow).
DEICTIC_DAYS: dict[str, int | str] = {
    "আজ": 0,
    "আজকে": 0,
    "আজকের": 0,
    "আজকাল": "vague",
    "গতকাল": -1,
    "গতকালকে": -1,
    "আগামীকাল": 1,
    "আগামিকাল": 1,  # West Bengal spelling
    "গত কাল": -1,
    "আগামী কাল": 1,
    "আগামি কাল": 1,
    "কাল": "tense1",
    "কালকে": "tense1",
    "পরশু": "tense2",
    "পরশুদিন": "tense2",
    "গত পরশু": -2,
    "আগামী পরশু": 2,
}

# Days named relative to the last date the text mentioned (the next day, that same day).
ANAPHORIC_DAYS: dict[str, int] = {
    "পরদিন": 1,
    "পরের দিন": 1,
    "পর দিন": 1,
    "পরদিনই": 1,
    "ওইদিন": 0,
    "ওই দিন": 0,
    "সেদিন": 0,
    "সেই দিন": 0,
    "ঐদিন": 0,
    "ঐ দিন": 0,
    "আগের দিন": -1,
    "আগেরদিন": -1,
}

# Modifiers that move a unit, month or weekday: -1 the previous one, 0 the current, +1 the next.
RELATIVE_MODIFIERS: dict[str, int] = {
    "গত": -1,
    "বিগত": -1,
    "আগের": -1,
    "পূর্ববর্তী": -1,
    "গেল": -1,
    "চলতি": 0,
    "বিদায়ী": 0,
    "সদ্য সমাপ্ত": -1,
    "সদ্যসমাপ্ত": -1,
    "এই": 0,
    "এ": 0,
    "বর্তমান": 0,
    "চলমান": 0,
    "আগামী": 1,
    "আসছে": 1,
    "আসন্ন": 1,
    "পরের": 1,
    "পরবর্তী": 1,
    "সামনের": 1,
    "আগামি": 1,
    "সেই": 0,
    "ওই": 0,
    "ঐ": 0,
    "একই": 0,
}

# Modifiers counted from the period the text last named, not from the reference date:
# ২০২২ সালে ... আগের বছর is 2021, where গত বছর would be the year before the article's.
ANAPHORIC_MODIFIERS: frozenset[str] = frozenset(
    {"আগের", "পূর্ববর্তী", "পরের", "পরবর্তী", "সেই", "ওই", "ঐ", "একই"}
)

# "New year": in the first half of a year it means the year just begun, later the next one.
NEW_WORDS: frozenset[str] = frozenset({"নতুন", "নয়া"})

# Units of time, for relative dates (গত মাসে), durations (তিন বছর ধরে) and sets (প্রতি মাসে).
UNITS: dict[str, str] = {
    "দিন": "D",
    "দিবস": "D",
    "কার্যদিবস": "D",
    "কর্মদিবস": "D",
    "সপ্তাহ": "W",
    "হপ্তা": "W",
    "মাস": "M",
    "বছর": "Y",
    "বৎসর": "Y",
    "বছরকাল": "Y",
    "দশক": "DE",
    "শতাব্দী": "CE",
    "শতাব্দি": "CE",
    "শতক": "CE",
    "ঘণ্টা": "H",
    "ঘন্টা": "H",
    "মিনিট": "MIN",
    "মি": "MIN",
    "সেকেন্ড": "S",
}

# Fiscal-year words and the month their year begins in: Bangladesh's runs July to June,
# and so does a listed company's হিসাববছর (accounting year) there; India's (অর্থবর্ষ,
# আর্থিক বছর in West Bengal writing) April to March. Bangladesh's tax (কর) and income (আয়)
# years are its fiscal year.
FISCAL_YEAR_WORDS: dict[str, int] = {
    "অর্থবছর": 7,
    "অর্থ বছর": 7,
    "অর্থবৎসর": 7,
    "হিসাববছর": 7,
    "হিসাব বছর": 7,
    "অর্থবর্ষ": 4,
    "অর্থ বর্ষ": 4,
    "আর্থিক বছর": 4,
    "আর্থিক বর্ষ": 4,
    "করবর্ষ": 7,
    "কর বর্ষ": 7,
    "আয়বর্ষ": 7,
    "আয় বর্ষ": 7,
}

# Era words after a year number: which calendar the year counts in. A session or season
# (২০২৪-২৫ শিক্ষাবর্ষ, ২০২১-২২ মৌসুমে) names its Gregorian years the way সাল does; alone
# (বর্ষা মৌসুমে) none of these is a date.
ERAS: dict[str, str] = {
    "সাল": "gregorian",
    "সন": "gregorian",
    "খ্রিস্টাব্দ": "gregorian",
    "খ্রিষ্টাব্দ": "gregorian",
    "খ্রি.": "gregorian",
    "ইংরেজি": "gregorian",
    "ঈসায়ী": "gregorian",
    "বঙ্গাব্দ": "bengali",
    "বাংলা": "bengali",
    "বাংলা সন": "bengali",
    "হিজরি": "hijri",
    "হিজরী": "hijri",
    "শিক্ষাবর্ষ": "gregorian",
    "শিক্ষা বর্ষ": "gregorian",
    "সেশন": "gregorian",
    "মৌসুম": "gregorian",
}

# Parts of day as TIMEX3 codes, and the hours a clock time in that part means.
# (বেলা is "daytime": ৩টা after it is 15:00, ১১টা is 11:00.)
PARTS_OF_DAY: dict[str, str] = {
    "ভোর": "TMO",
    "ভোররাত": "TMO",
    "সকাল": "TMO",
    "প্রভাত": "TMO",
    "দুপুর": "TAF",
    "বিকেল": "TAF",
    "বিকাল": "TAF",
    "অপরাহ্ণ": "TAF",
    "অপরাহ্ন": "TAF",
    "বেলা": "DAY",
    "সন্ধ্যা": "TEV",
    "সন্ধ্যে": "TEV",
    "সন্ধে": "TEV",
    "সন্ধেবেলা": "TEV",
    # After a prayer, as funeral and event notices time things (জানাজা বাদ জোহর).
    "বাদ ফজর": "TMO",
    "বাদ জোহর": "TAF",
    "বাদ জুমা": "TAF",
    "বাদ আসর": "TAF",
    "বাদ মাগরিব": "TEV",
    "বাদ এশা": "TNI",
    "সাঁঝ": "TEV",
    "রাত": "TNI",
    "রাতভর": "TNI",
    "মধ্যরাত": "TNI",
    "গভীর রাত": "TNI",
    "রাত্রি": "TNI",
    "রাত্রে": "TNI",
}

# "Following the day": বুধবার দিবাগত রাত is the night after Wednesday (its clock hours
# run past midnight as any রাত does).
NIGHT_AFTER_WORDS: frozenset[str] = frozenset({"দিবাগত"})

# Hour ranges (inclusive start, exclusive end on a 24-hour clock) each part of day covers:
# a clock hour h is read as h or h+12, whichever falls in the range.
PART_OF_DAY_HOURS: dict[str, tuple[int, int]] = {
    "TMO": (3, 12),
    "TAF": (12, 18),
    "DAY": (9, 18),
    "TEV": (17, 21),
    "TNI": (19, 29),
}

# Fractions before a clock hour: সাড়ে ৮টা is 8:30, সোয়া ৮টা 8:15, পৌনে ৮টা 7:45.
CLOCK_FRACTIONS: dict[str, int] = {"সাড়ে": 30, "সোয়া": 15, "পৌনে": -15}

# Number words 1-31 and the tens, for counts (তিন দিন), clock times (আটটায়) and decades (ষাটের দশক).
NUMBER_WORDS: dict[str, int] = {
    "এক": 1,
    "দুই": 2,
    "দু": 2,
    "দুটি": 2,
    "তিন": 3,
    "চার": 4,
    "পাঁচ": 5,
    "ছয়": 6,
    "ছ": 6,
    "সাত": 7,
    "আট": 8,
    "নয়": 9,
    "দশ": 10,
    "এগারো": 11,
    "এগার": 11,
    "বারো": 12,
    "বার": 12,
    "তেরো": 13,
    "তের": 13,
    "চোদ্দ": 14,
    "চৌদ্দ": 14,
    "পনেরো": 15,
    "পনের": 15,
    "ষোলো": 16,
    "ষোল": 16,
    "সতেরো": 17,
    "সতের": 17,
    "আঠারো": 18,
    "আঠার": 18,
    "উনিশ": 19,
    "বিশ": 20,
    "কুড়ি": 20,
    "একুশ": 21,
    "বাইশ": 22,
    "তেইশ": 23,
    "চব্বিশ": 24,
    "পঁচিশ": 25,
    "ছাব্বিশ": 26,
    "সাতাশ": 27,
    "আঠাশ": 28,
    "উনত্রিশ": 29,
    "ত্রিশ": 30,
    "তিরিশ": 30,
    "একত্রিশ": 31,
    "চল্লিশ": 40,
    "পঞ্চাশ": 50,
    "ষাট": 60,
    "সত্তর": 70,
    "আশি": 80,
    "নব্বই": 90,
    "একশ": 100,
    "একশো": 100,
    "একশত": 100,
    "শত": 100,
}

# Words before a period that point back to one already named (সে মাসের শেষে: the end of that
# month). সেই, ওই, ঐ and একই do so as anaphoric RELATIVE_MODIFIERS, inside the expression.
DEMONSTRATIVES: frozenset[str] = frozenset({"সে", "উক্ত"})

# Surnames that end like a genitive (-ার) but are not one: রুমানা আক্তার দুই দিন আগে is
# "two days ago", where সভার দুই দিন আগে is "two days before the meeting".
GENITIVE_LOOKING_NAMES: frozenset[str] = frozenset(
    {
        "আক্তার",
        "আখতার",
        "আকতার",
        "সরকার",
        "কুমার",
        "খন্দকার",
        "তালুকদার",
        "মজুমদার",
        "সিকদার",
        "শিকদার",
        "পোদ্দার",
        "হাওলাদার",
        "জমাদার",
    }
)

# Years called by name. In Bangladesh "একাত্তরে" (in seventy-one) is the Liberation War year,
# বায়ান্নর the Language Movement's, ঊনসত্তরের the mass uprising's; only a form with a case
# ending is a year (একাত্তর জন is a count).
YEAR_NAMES: dict[str, int] = {
    "বায়ান্ন": 1952,
    "বাহান্ন": 1952,
    "ঊনসত্তর": 1969,
    "উনসত্তর": 1969,
    "একাত্তর": 1971,
}

# "About N", written after its unit: দিন সাতেক আগে (about a week ago), মাস দুয়েক ধরে.
APPROXIMATE_COUNTS: dict[str, int] = {
    "দুয়েক": 2,
    "দুএক": 2,
    "তিনেক": 3,
    "চারেক": 4,
    "পাঁচেক": 5,
    "ছয়েক": 6,
    "সাতেক": 7,
    "আটেক": 8,
    "দশেক": 10,
    "বিশেক": 20,
}

# "About one", glued to its unit: সপ্তাহখানেক আগে (a week or so ago), মাসখানেক ধরে.
ABOUT_ONE_SUFFIXES: frozenset[str] = frozenset({"খানেক"})

# Fractional counts before a unit: দেড় বছর (a year and a half), আড়াই ঘণ্টা, আধা ঘণ্টা.
# (Before a clock hour, CLOCK_FRACTIONS and CLOCK_WORDS read them as times of day.)
FRACTION_COUNTS: dict[str, float] = {"দেড়": 1.5, "আড়াই": 2.5, "আধা": 0.5, "আধ": 0.5}

# Number words shortened with an apostrophe and glued to their unit: দু’বছর, ছ’ঘণ্টা, ন’দিন.
CONTRACTED_NUMBERS: dict[str, int] = {"দু’": 2, "দু'": 2, "ছ’": 6, "ছ'": 6, "ন’": 9, "ন'": 9}

# Words that make a count vague: কয়েক দিন (PXD), বেশ কয়েক মাস (PXM).
VAGUE_COUNTS: frozenset[str] = frozenset({"কয়েক", "কিছু", "বেশ কয়েক", "কিছুদিন"})

# Day ordinals in words (পহেলা বৈশাখ, একুশে ফেব্রুয়ারি).
DAY_ORDINAL_WORDS: dict[str, int] = {
    "পহেলা": 1,
    "পয়লা": 1,
    "দোসরা": 2,
    "তেসরা": 3,
    "চৌঠা": 4,
    "পাঁচই": 5,
    "ছয়ই": 6,
    "সাতই": 7,
    "আটই": 8,
    "নয়ই": 9,
    "দশই": 10,
    "এগারোই": 11,
    "বারোই": 12,
    "তেরোই": 13,
    "চৌদ্দই": 14,
    "চোদ্দই": 14,
    "পনেরোই": 15,
    "ষোলোই": 16,
    "ষোলই": 16,
    "সতেরোই": 17,
    "আঠারোই": 18,
    "উনিশে": 19,
    "বিশে": 20,
    "একুশে": 21,
    "বাইশে": 22,
    "তেইশে": 23,
    "চব্বিশে": 24,
    "পঁচিশে": 25,
    "ছাব্বিশে": 26,
    "সাতাশে": 27,
    "আঠাশে": 28,
    "উনত্রিশে": 29,
    "ত্রিশে": 30,
    "একত্রিশে": 31,
}

# Ordinal endings on day numbers written in digits: ১লা ২রা ৪ঠা ১০ই ২১শে.
DAY_ORDINAL_SUFFIXES: frozenset[str] = frozenset({"লা", "রা", "ঠা", "ই", "শে", "এ", "st", "nd", "rd", "th"})

# Endings that make a number a clock hour: ১০টা, ৩টায়, ৮টার.
# West Bengal writes the clock word টো/টে (২টো, ৪টেয়) where Bangladesh writes টা.
CLOCK_SUFFIXES: frozenset[str] = frozenset(
    {
        "টা",
        "টায়",
        "টার",
        "টাও",
        "টাই",
        "টারও",
        "টাতে",
        "টো",
        "টোয়",
        "টোর",
        "টে",
        "টেয়",
        "টের",
    }
)

# Endings that make a number a count of things, not a date (৩০০টি, ৫জন).
COUNT_SUFFIXES: frozenset[str] = frozenset({"টি", "জন", "তম", "ম", "য়", "র্থ", "ষ্ঠ"})

# Sub-periods of a named period, as fractions of it: (start, end) as parts of the whole.
SUB_PERIODS: dict[str, tuple[float, float]] = {
    "প্রথমার্ধ": (0.0, 0.5),
    "শেষার্ধ": (0.5, 1.0),
    "দ্বিতীয়ার্ধ": (0.5, 1.0),
}

# Words for "start"/"end"/"middle" that keep the whole period's value (no exact length).
PERIOD_EDGES: frozenset[str] = frozenset({"শুরু", "শেষ", "মাঝামাঝি", "মাঝ", "গোড়া", "প্রারম্ভ", "সূচনা"})

# Every, for recurrences (প্রতি শুক্রবার, প্রতিবছর).
EVERY_WORDS: frozenset[str] = frozenset({"প্রতি", "প্রত্যেক", "প্রতিটি", "প্রত্যেকটি"})

# Words joining two dates into a range, and their closing words (left out of the span).
RANGE_FROM: frozenset[str] = frozenset({"থেকে", "হতে", "থেকেই"})
RANGE_TO: frozenset[str] = frozenset({"পর্যন্ত", "অবধি", "নাগাদ"})
CONJUNCTIONS: frozenset[str] = frozenset({"ও", "এবং", "আর", "বা"})

# Words kept inside an expression's span after it: দিকে ("around"), তারিখ ("date").
APPROXIMATE: frozenset[str] = frozenset({"দিকে"})
DATE_WORDS: frozenset[str] = frozenset({"তারিখ"})

# Postpositions after a count that make it a DURATION: ধরে ("for"; ধরি in West Bengal speech),
# পর/পরে ("after"), আগে ("ago"), আগেই ("already before": an offset, not counted from today).
DURATION_MARKERS: frozenset[str] = frozenset(
    {"ধরে", "ধরেই", "ধরি", "যাবত", "যাবৎ", "ব্যাপী", "পর", "পরে", "পরেও", "পরেই", "আগে", "আগেও", "আগেই"}
)

# After a count, "at intervals of": তিন মাস পরপর, প্রতি দুই সপ্তাহ অন্তর (a SET, P3M).
INTERVAL_WORDS: frozenset[str] = frozenset({"পরপর", "অন্তর"})

# "N times" glued (একবার, দু’বার), after a unit in the locative: মাসে একবার, বছরে দু’বার (a SET).
TIMES_SUFFIX = "বার"
LOCATIVE_ENDINGS: frozenset[str] = frozenset({"ে", "এ", "তে", "য়", "-এ", "-তে"})

# After a count, "ago": counted back from the document's date (তিন দিন আগে), so a DATE,
# unless the count follows an event in the genitive (সফরের এক মাস আগে: a DURATION offset).
AGO_WORDS: frozenset[str] = frozenset({"আগে", "আগেও"})

# The first N days of a period: প্রথম ছয় মাস (the last is a period edge: শেষ সপ্তাহ).
FIRST_WORDS: frozenset[str] = frozenset({"প্রথম"})

# Ordinals for the Nth week or quarter of a period (ডিসেম্বরের দ্বিতীয় সপ্তাহে, তৃতীয় প্রান্তিকে).
PART_ORDINALS: dict[str, int] = {"দ্বিতীয়": 2, "তৃতীয়": 3, "চতুর্থ": 4}

# A quarter of a (calendar or fiscal) year: চলতি বছরের প্রথম প্রান্তিকে = January-March.
QUARTER_WORDS: frozenset[str] = frozenset({"প্রান্তিক", "ত্রৈমাসিক", "কোয়ার্টার"})

# "The same period" in a comparison: আগের অর্থবছরের একই সময়ে.
SAME_PERIOD_WORDS: frozenset[str] = frozenset({"একই সময়", "এ সময়", "এই সময়"})

# Case endings and particles glued to a noun (অক্টোবরে, মাসের, সালে, ২০২৩-এ, বৃহস্পতিবারও,
# বছরজুড়ে, দিনব্যাপী, শুক্রবারসহ).
ENDINGS: tuple[str, ...] = (
    "",
    "ে",
    "ের",
    "র",
    "এ",
    "এর",
    "য়",
    "য়ে",
    "য়ের",
    "তে",
    "কে",
    "কের",
    "টা",
    "টি",
    "টির",
    "ই",
    "ও",
    "েই",
    "েও",
    "েরই",
    "েরও",
    "রই",
    "রও",
    "তেই",
    "তেও",
    "য়ই",
    "য়ও",
    "কেই",
    "-এ",
    "-এর",
    "-তে",
    "-র",
    "'র",
    "’র",
    "'এ",
    "’এ",
    "দের",
    "রা",
    "জুড়ে",
    "ব্যাপী",
    "সহ",
)

# The tense of a clause, read off its verb (Bengali puts it last). Future endings and
# modals make a bare weekday or a yearless date look forward; past and perfect endings look
# back; reporting and progressive present (বলেন, হচ্ছে) take no side: the nearest wins.
FUTURE_VERB_ENDINGS: tuple[str, ...] = ("বে", "বেন", "বো", "বেই", "বেনই")
# The present perfect (হয়েছে, করেছেন): past, except after a scheduling word (SCHEDULING_WORDS).
PERFECT_VERB_ENDINGS: tuple[str, ...] = ("েছে", "েছেন", "গেছে", "গেছেন", "য়েছে", "য়েছেন")
PAST_VERB_ENDINGS: tuple[str, ...] = (
    "েছিল",
    "েছিলেন",
    "েছিলো",
    "ছিল",
    "ছিলেন",
    "ছিলো",
    "লেন",
    "লো",
    "েনি",
    "য়নি",
    # First person (বুঝেছিলাম, ছিলাম, গেলাম, দিলাম); a bare -লাম is also ইসলাম, সালাম.
    "েছিলাম",
    "ছিলাম",
    "েলাম",
    "িলাম",
)

# A day set for what is to come: ১০ মে দিন ধার্য করা হয়েছে, তারিখ নির্ধারণ করা হয়েছে. With
# the present perfect the date lies ahead; ধার্য করা হয়েছিল (past perfect) still looks back.
SCHEDULING_WORDS: frozenset[str] = frozenset({"ধার্য", "নির্ধারণ"})
PRESENT_VERB_ENDINGS: tuple[str, ...] = ("েন", "ান")
# Progressive endings (হচ্ছে, যাচ্ছি, ফিরছি) and being (আছে): present, but they carry the near
# future too, so কাল beside them is tomorrow (কাল দিল্লি যাচ্ছি).
PROGRESSIVE_VERB_ENDINGS: tuple[str, ...] = ("চ্ছে", "চ্ছেন", "চ্ছি", "ছি", "ছেন")
# Whole words: futures and modals whose endings are ordinary word endings too (করব like
# হিসাব, পারে like কারে), and the future's own markers.
FUTURE_WORDS: frozenset[str] = frozenset(
    {
        "আগামী",
        "আসছে",
        "আগামীকাল",
        "হবে",
        "করবে",
        "চলবে",
        "থাকবে",
        "পারে",
        "পারেন",
        "পারবে",
        "করব",
        "করবো",
        "দেব",
        "দেবো",
        "নেব",
        "নেবো",
        "যাব",
        "যাবো",
        "থাকব",
        "থাকবো",
        "পারব",
        "পারবো",
        "হব",
        "বলব",
        "চাইব",
        "দেখব",
        "রাখব",
        "চালাব",
        "জানাব",
        "আসব",
        "ফিরব",
        "খুলব",
        "লক্ষ্য",
        "সম্ভাব্য",  # the likely date of what has not happened yet
    }
)
# "Exists/is": present, though it looks perfect (রয়েছে, আছে).
PRESENT_WORDS: frozenset[str] = frozenset({"হয়", "যায়"})
BEING_WORDS: frozenset[str] = frozenset({"রয়েছে", "রয়েছেন", "আছে", "আছেন", "নেই"})

# Genitive endings: a period named in the genitive can take a part after it
# (পৌষের শুরু, বছরের প্রথম দিন, অর্থবছরের প্রথমার্ধে), one in another case cannot (বছর শুরু হলো).
GENITIVE_ENDINGS: frozenset[str] = frozenset({"ের", "র", "এর", "-এর", "য়ের", "কের", "'র", "’র", "েরই", "েরও"})

# Endings that make a clock hour a time by themselves (ন'টায় "at nine"); without one, ৩টা
# may count things (৩টা গাড়ি) and needs a part of day, a date, minutes or দিকে beside it.
CLOCK_CASE_ENDINGS: frozenset[str] = frozenset({"টায়", "টার", "টাতে", "টোয়", "টোর", "টেয়", "টের"})

# Clock times said as one word: দেড়টা is 1:30, আড়াইটা 2:30, ন'টা nine o'clock.
CLOCK_WORDS: dict[str, tuple[int, int]] = {"দেড়": (1, 30), "আড়াই": (2, 30), "ন'": (9, 0), "ন’": (9, 0)}

# Centuries named by ordinal words (বিংশ শতাব্দী is the 20th century, value "19").
CENTURY_ORDINALS: dict[str, int] = {
    "ষোড়শ": 16,
    "সপ্তদশ": 17,
    "অষ্টাদশ": 18,
    "ঊনবিংশ": 19,
    "উনবিংশ": 19,
    "বিংশ": 20,
    "একবিংশ": 21,
    "দ্বাবিংশ": 22,
}

# Words after a count that make it an age, which is not a temporal expression (৩০ বছর বয়সী).
PERSON_AGE_WORDS: frozenset[str] = frozenset({"বয়সী", "বয়সি", "বয়স"})
AGE_WORDS: frozenset[str] = PERSON_AGE_WORDS | frozenset(
    {
        "পুরোনো",
        "পুরনো",
        "পুরানো",
        "শিশু",
        "বালক",
        "বালিকা",
        "কিশোর",
        "কিশোরী",
        "ছেলে",
        "মেয়ে",
    }
)

# Words between a count and a person's age word that keep it an age: ১৮ বছরের কম বয়সী
# (under 18). A thing's "more than a century old" (এক শতাব্দীরও বেশি পুরনো) stays a duration.
AGE_COMPARATIVES: frozenset[str] = frozenset(
    {"কম", "বেশি", "বেশী", "অধিক", "ঊর্ধ্ব", "উর্ধ্ব", "নিচের", "ওপরের", "উপরের"}
)

# Inflected forms of lexicon words that are other, common words: মেয়ে ("girl", not মে + এ),
# একে ("to one", not এক + এ).
NOT_TEMPORAL: frozenset[str] = frozenset(
    {
        "মেয়ে",
        "মেয়ের",
        "মেয়েও",
        "মেয়েই",
        "মেয়েরা",
        "মেয়েদের",
        "মেটা",
        "একে",
        "একের",
    }
)
