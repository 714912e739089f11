"""Held-out sentences for scheduled events in the present tense (issue 19), written before
the rules extractor learnt them: "takes effect on 12 March", "the mandate expires on 31
January", "payable on 15 January", "the deadline is 9 January", "effective 2 October",
"extended until 30 June", "expects to publish in mid-November", "to be completed by", bare
"set to", "slated for", "due on". Such a phrase before the date in its clause sends the date
forward, unless the clause has a past auxiliary (was, were, had, did) before the date: "the
grant was payable on 15 January" stays in the past, as does "took effect" (GUIDELINES.md
3.4.2). None from any corpus.
"""

from __future__ import annotations

import datetime as dt

from tests.extractors.rules.sentences import Case

D = dt.date
T = "date"

# fmt: off
SCHEDULED_CASES: list[Case] = [
    ("The ceasefire takes effect on 12 March.", D(2021, 3, 5),
     [(T, "12 March", "2021-03-12")]),
    ("The new visa rules take effect in January.", D(2018, 11, 20),
     [(T, "January", "2019-01")]),
    ("The truce comes into force on Sunday.", D(2019, 7, 10),
     [(T, "Sunday", "2019-07-14")]),
    ("The agreement enters into force on 1 February.", D(2022, 12, 15),
     [(T, "1 February", "2023-02-01")]),
    ("The peacekeepers' mandate expires on 31 January.", D(2020, 11, 3),
     [(T, "31 January", "2021-01-31")]),
    ("Permits, which expire in March, can be renewed online.", D(2017, 12, 1),
     [(T, "March", "2018-03")]),
    ("The grant is payable on 15 January to registered families.", D(2019, 12, 2),
     [(T, "15 January", "2020-01-15")]),
    ("Holders of record on 10 December receive the payment.", D(2015, 11, 20),
     [(T, "10 December", "2015-12-10")]),
    ("The record date is 4 December.", D(2016, 11, 18),
     [(T, "4 December", "2016-12-04")]),
    ("The deadline for applications is 9 January.", D(2014, 12, 12),
     [(T, "9 January", "2015-01-09")]),
    ("The curfew is effective 2 October.", D(2020, 9, 28),
     [(T, "2 October", "2020-10-02")]),
    ("Authorities extended the evacuation order until 30 June.", D(2021, 6, 10),
     [(T, "30 June", "2021-06-30")]),
    ("Donors expect the pipeline to break in February.", D(2019, 10, 30),
     [(T, "February", "2020-02")]),
    ("The ministry expects to publish the figures in mid-November.", D(2018, 10, 2),
     [(T, "mid-November", "2018-11")]),
    ("The talks, set to resume on Monday in Geneva, were postponed.", D(2016, 2, 4),
     [(T, "Monday", "2016-02-08")]),
    ("The next payment, due on 1 April, will be smaller.", D(2022, 3, 14),
     [(T, "1 April", "2022-04-01")]),
    ("Officials want the census to be completed by 30 November.", D(2013, 10, 8),
     [(T, "30 November", "2013-11-30")]),
    ("A vaccination campaign slated for 12 September needs volunteers.", D(2021, 8, 25),
     [(T, "12 September", "2021-09-12")]),
    ("The closure of schools takes effect Monday.", D(2020, 3, 13),
     [(T, "Monday", "2020-03-16")]),
    ("The tariff goes into effect on 5 January.", D(2019, 12, 20),
     [(T, "5 January", "2020-01-05")]),
    ("The ceasefire took effect on 12 March.", D(2021, 3, 5),
     [(T, "12 March", "2020-03-12")]),
    ("The mandate expired on 31 January.", D(2020, 11, 3),
     [(T, "31 January", "2020-01-31")]),
    ("The grant was payable on 15 January.", D(2019, 12, 2),
     [(T, "15 January", "2019-01-15")]),
    ("The truce had come into force on Sunday.", D(2019, 7, 10),
     [(T, "Sunday", "2019-07-07")]),
    ("The deadline was 9 January.", D(2014, 12, 12),
     [(T, "9 January", "2014-01-09")]),
    ("The order, which was set to expire on 30 June, lapsed.", D(2021, 6, 10),
     [(T, "30 June", "2020-06-30")]),
]

ADJECTIVE_CASES: list[Case] = [
    # "scheduled", "due", "effective" before a noun describe it; the clause's verb is past
    ("Scheduled flights resumed on Monday.", D(2021, 6, 16), [(T, "Monday", "2021-06-14")]),
    ("The scheduled talks collapsed on Monday.", D(2021, 6, 16),
     [(T, "Monday", "2021-06-14")]),
    ("The due diligence report arrived on 3 June.", D(2021, 6, 16),
     [(T, "3 June", "2021-06-03")]),
    ("A long-due convoy reached the town on Tuesday.", D(2021, 6, 16),
     [(T, "Tuesday", "2021-06-15")]),
    ("Effective measures cut deaths in May.", D(2021, 6, 16), [(T, "May", "2021-05")]),
    ("Scheduled power cuts hit the city on Sunday.", D(2021, 6, 16),
     [(T, "Sunday", "2021-06-13")]),
]
"""Found in review after 0.3.4: a bare cue used as an adjective sent the date forward."""
# fmt: on
