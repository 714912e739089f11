"""Held-out sentences for the tense of year-less dates, months and weekdays (issue 19),
written before the rules extractor learnt it: a future or modal construction before the
date in its sentence ("will", "is due to", "is expected to", "would" in reported speech)
sends it forward, to the earliest such day or month after publication; without one, or with
the construction in the past ("was expected to", "were due to") or after the date, it stays
the latest on or before publication (GUIDELINES.md 3.4.2). None from any corpus.
"""

from __future__ import annotations

import datetime as dt

from tests.extractors.rules.sentences import Case

D = dt.date
T = "date"

# fmt: off
FUTURE_CASES: list[Case] = [
    ("The new rules will take effect on April 7.", D(2013, 3, 22),
     [(T, "April 7", "2013-04-07")]),
    ("The report is due to be published in May.", D(2013, 3, 22),
     [(T, "May", "2013-05")]),
    ("The programme will run through June.", D(2013, 3, 22),
     [(T, "June", "2013-06")]),
    ("Talks are scheduled for Thursday.", D(2013, 3, 22),
     [(T, "Thursday", "2013-03-28")]),
    ("The envoy is expected to arrive on 2 February.", D(2021, 11, 15),
     [(T, "2 February", "2022-02-02")]),
    ("Elections are set to be held on 14 January.", D(2023, 10, 2),
     [(T, "14 January", "2024-01-14")]),
    ("The ministry plans to reopen the border crossing on Monday.", D(2022, 6, 8),
     [(T, "Monday", "2022-06-13")]),
    ("Donors will meet in Geneva on Friday to discuss funding.", D(2019, 4, 13),
     [(T, "Friday", "2019-04-19")]),
    ("Schools shall reopen on 5 September, the decree says.", D(2020, 8, 1),
     [(T, "5 September", "2020-09-05")]),
    ("A second convoy is to leave the capital on Wednesday.", D(2018, 12, 30),
     [(T, "Wednesday", "2019-01-02")]),
    ("Officials said the bridge would reopen on 3 March.", D(2017, 11, 20),
     [(T, "3 March", "2018-03-03")]),
    ("The agency said it would resume distributions in January.", D(2016, 10, 5),
     [(T, "January", "2017-01")]),
    ("The upcoming vote on 20 December will decide the budget.", D(2024, 11, 28),
     [(T, "20 December", "2024-12-20")]),
    ("Negotiators are due back in Doha on Sunday.", D(2024, 2, 14),
     [(T, "Sunday", "2024-02-18")]),
    ("The curfew will be lifted in April, the governor announced.", D(2015, 1, 12),
     [(T, "April", "2015-04")]),
    ("The court is scheduled to rule on 9 July.", D(2021, 5, 27),
     [(T, "9 July", "2021-07-09")]),
    ("We'll publish the full figures on Tuesday, a spokesman said.", D(2020, 6, 18),
     [(T, "Tuesday", "2020-06-23")]),
    ("The camp is expected to close in November.", D(2019, 6, 3),
     [(T, "November", "2019-11")]),
    ("The mission's mandate will expire on 31 January.", D(2025, 8, 14),
     [(T, "31 January", "2026-01-31")]),
    ("Aid flights are set to resume on Saturday.", D(2023, 3, 29),
     [(T, "Saturday", "2023-04-01")]),
    ("The tribunal will hear the case in October.", D(2018, 4, 4),
     [(T, "October", "2018-10")]),
    ("A ceasefire is due to take effect on 1 May.", D(2016, 4, 20),
     [(T, "1 May", "2016-05-01")]),
    ("The minister plans to visit the camps on Thursday.", D(2021, 9, 10),
     [(T, "Thursday", "2021-09-16")]),
    ("Voting will continue until Sunday.", D(2024, 6, 5),
     [(T, "Sunday", "2024-06-09")]),
    ("The fund is expected to run out by August.", D(2023, 2, 17),
     [(T, "August", "2023-08")]),
    ("Talks will resume in Vienna on 8 January.", D(2022, 12, 20),
     [(T, "8 January", "2023-01-08")]),
    ("The new school term is to begin on Monday.", D(2017, 9, 1),
     [(T, "Monday", "2017-09-04")]),
    ("Rescue teams will return to the site on Friday.", D(2023, 2, 9),
     [(T, "Friday", "2023-02-10")]),
    ("The airport is scheduled to reopen in December.", D(2020, 7, 22),
     [(T, "December", "2020-12")]),
    ("The convoy arrived on Thursday.", D(2013, 3, 22),
     [(T, "Thursday", "2013-03-21")]),
    ("Talks collapsed on 7 April.", D(2013, 3, 22),
     [(T, "7 April", "2012-04-07")]),
    ("The report was published in May.", D(2013, 3, 22),
     [(T, "May", "2012-05")]),
    ("On Tuesday the council said it will review the plan.", D(2020, 6, 18),
     [(T, "Tuesday", "2020-06-16")]),
    ("The talks that were due to resume on Monday collapsed.", D(2022, 6, 8),
     [(T, "Monday", "2022-06-06")]),
    ("In January the agency warned that stocks will run out.", D(2016, 10, 5),
     [(T, "January", "2016-01")]),
    ("The bridge, which was expected to open on 3 March, stayed shut.", D(2017, 11, 20),
     [(T, "3 March", "2017-03-03")]),
    ("Shelling resumed on Saturday, residents said.", D(2023, 3, 29),
     [(T, "Saturday", "2023-03-25")]),
    ("The camp closed in November after the floods.", D(2019, 6, 3),
     [(T, "November", "2018-11")]),
    ("Aid workers reached the town on 14 January.", D(2023, 10, 2),
     [(T, "14 January", "2023-01-14")]),
]

# "must" and "should" (not "must have", "should have"), written before they were learnt.
MODAL_CASES: list[Case] = [
    ("The families must leave the camp by 14 January.", D(2019, 12, 20),
     [(T, "14 January", "2020-01-14")]),
    ("Pupils should return to school on Monday.", D(2020, 3, 13),
     [(T, "Monday", "2020-03-16")]),
    ("Aid convoys should reach the valley in February, officials said.", D(2018, 11, 5),
     [(T, "February", "2019-02")]),
    ("Every claim must be filed by 2 April.", D(2024, 3, 1),
     [(T, "2 April", "2024-04-02")]),
    ("The victims must have died on Sunday.", D(2019, 7, 10),
     [(T, "Sunday", "2019-07-07")]),
    ("Officials should have acted in March.", D(2018, 11, 5),
     [(T, "March", "2018-03")]),
]
# fmt: on
