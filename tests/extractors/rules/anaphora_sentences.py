"""Held-out sentences for counted anaphora (issue 19), written before the rules extractor
read them: "two days later", "three months earlier" and "a year later" count from the date
before them in the text, the number inside the date (GUIDELINES.md 3.4.4); "four days
later than planned" compares durations, so "four" is a figure. None from any corpus.
"""

from __future__ import annotations

import datetime as dt

from tests.extractors.rules.sentences import Case

D = dt.date
F, T = "figure", "date"

# fmt: off
ANAPHORA_CASES: list[Case] = [
    ("The dam failed on 12 March 2021, and rescuers arrived two days later.", D(2021, 4, 1),
     [(T, "12 March 2021", "2021-03-12"), (T, "two days later", "2021-03-14")]),
    ("Talks opened on 3 June 2019; they collapsed three days later.", D(2019, 7, 1),
     [(T, "3 June 2019", "2019-06-03"), (T, "three days later", "2019-06-06")]),
    ("The camp was set up in May 2018 and closed six months later.", D(2019, 3, 1),
     [(T, "May 2018", "2018-05"), (T, "six months later", "2018-11")]),
    ("The law passed on 1 July 2020, and a similar bill had failed two years earlier.",
     D(2020, 7, 2), [(T, "1 July 2020", "2020-07-01"), (T, "two years earlier", "2018")]),
    ("Fighting broke out on 15 April 2023; the first convoy left 10 days later.",
     D(2023, 5, 30), [(T, "15 April 2023", "2023-04-15"), (T, "10 days later", "2023-04-25")]),
    ("A truce began in January 2016 and broke down a month later.", D(2016, 6, 1),
     [(T, "January 2016", "2016-01"), (T, "a month later", "2016-02")]),
    ("The bridge reopened on 30 December 2022, four days later than planned.", D(2023, 1, 5),
     [(T, "30 December 2022", "2022-12-30"), (F, "four", 4)]),  # a duration: a figure
    ("Aid resumed on 2 March 2024, five days earlier than expected.", D(2024, 3, 10),
     [(T, "2 March 2024", "2024-03-02"), (F, "five", 5)]),
]

# Added after the change: a slip in it (the step word "previous" read as "previou") that
# the challenge suite caught and these sentences did not.
REGRESSIONS: list[Case] = [
    ("Shelling hit Ariha on 10 May 2015, and the convoy arrived the previous day.",
     D(2015, 6, 1), [(T, "10 May 2015", "2015-05-10"), (T, "the previous day", "2015-05-09")]),
    ("The vote was held on 2 March 2020, and talks began the preceding day.", D(2020, 3, 9),
     [(T, "2 March 2020", "2020-03-02"), (T, "the preceding day", "2020-03-01")]),
    ("The crossing closed in June 2017 and reopened the following month.", D(2017, 9, 1),
     [(T, "June 2017", "2017-06"), (T, "the following month", "2017-07")]),
]
# fmt: on
