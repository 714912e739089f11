"""Held-out sentences for the coverage issue 19 lists, written before the rules extractor
read them: modifiers before a relative year ("late last July", "early this year"), "the end
of the year", a year that modifies a noun ("a 2009 analysis" is a date), a season range
("1957-58" is two dates), and a month that points back ("the September deal"). None from
any corpus.
"""

from __future__ import annotations

import datetime as dt

from tests.extractors.rules.sentences import Case

D = dt.date
F, T = "figure", "date"

# fmt: off
COVERAGE_CASES: list[Case] = [
    ("The strikes began late last July.", D(2020, 3, 10), [(T, "late last July", "2019-07")]),
    ("Shelling intensified early last May, residents said.", D(2021, 1, 20),
     [(T, "early last May", "2020-05")]),
    ("Food prices rose sharply early this year.", D(2022, 6, 1), [(T, "early this year", "2022")]),
    ("The mission was extended late last year.", D(2019, 2, 14), [(T, "late last year", "2018")]),
    ("The camp is to close by the end of the year.", D(2023, 4, 2),
     [(T, "the end of the year", "2023")]),
    ("A 2009 analysis found the same pattern.", D(2020, 3, 10), [(T, "2009", "2009")]),
    ("A 1998 survey counted the wells.", D(2020, 3, 10), [(T, "1998", "1998")]),
    ("Its 2015 report named the camps.", D(2020, 3, 10), [(T, "2015", "2015")]),
    ("The 1957-58 season was cut short by the war.", D(2020, 3, 10),
     [(T, "1957", "1957"), (T, "58", "1958")]),
    ("A buffer zone deal was reached in September 2018. The September deal soon frayed.",
     D(2019, 2, 5), [(T, "September 2018", "2018-09"), (T, "September", "2018-09")]),
    ("Talks were held in May 2016; the May talks ended without a deal.", D(2017, 1, 9),
     [(T, "May 2016", "2016-05"), (T, "May", "2016-05")]),
    ("2000 people crossed the border in 2019.", D(2020, 3, 10),
     [(F, "2000", 2000), (T, "2019", "2019")]),
]

# "this fiscal year": a year, the one the text names as for "this year" (GUIDELINES.md 3.4
# rule 3), written before it was learnt.
FISCAL_CASES: list[Case] = [
    ("Profits rose this fiscal year.", D(2019, 5, 2), [(T, "this fiscal year", "2019")]),
    ("The ministry cut spending last fiscal year.", D(2021, 8, 10),
     [(T, "last fiscal year", "2020")]),
    ("The agency expects a deficit next fiscal year.", D(2016, 1, 20),
     [(T, "next fiscal year", "2017")]),
    ("In the previous fiscal year, exports fell.", D(2012, 9, 14),
     [(T, "the previous fiscal year", "2011")]),
    ("This fiscal year the relief budget grew.", D(2022, 3, 3),
     [(T, "This fiscal year", "2022")]),
    ("Late last fiscal year the fund ran dry.", D(2018, 6, 30),
     [(T, "Late last fiscal year", "2017")]),
]
# fmt: on
