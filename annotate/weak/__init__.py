"""econer.annotate.weak: silver labels from many weak voters (the skweak idea).

:mod:`.functions` picks the labelling functions (every rule family registered in
:data:`econer.registry.labelling_functions`) and measures each one's precision on gold;
:mod:`.aggregate` turns their votes on one document into silver spans with a confidence,
keeping disagreement and abstention as *unknown* (``meta.partial``, never O);
:mod:`.silver` streams a corpus through both (``econer silver``).
"""
