"""``sort_order`` is ``np.lexsort`` with the keys reversed, whether or not they fit one key."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from figdate.scoring.prepare import sort_order

SMALL = st.integers(-3, 40)
HUGE = st.integers(-(2**40), 2**40)  # three such keys overflow 62 bits: the lexsort path


@given(st.data(), st.integers(0, 60), st.integers(1, 4), st.booleans())
def test_same_permutation_as_lexsort(data: st.DataObject, n: int, n_keys: int, huge: bool) -> None:
    elements = HUGE if huge else SMALL
    keys = [data.draw(hnp.arrays(np.int64, n, elements=elements)) for _ in range(n_keys)]
    expected = np.lexsort(keys[::-1]) if n else np.arange(0)
    assert sort_order(*keys).tolist() == expected.tolist()
