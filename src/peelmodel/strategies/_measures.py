"""What a generated report measures: each measure's label, the wholes of shares, the basis words.

>>> LABELS[SHARE_OF["victims-satisfied"]]
'Victims surveyed'
"""

from __future__ import annotations

from peelmodel.model.figure import Basis

__all__ = ["BASIS_WORDS", "LABELS", "SHARE_OF"]

#: Measures a report publishes, with their labels.
LABELS = {
    "recorded-crime": "Recorded crime (excluding fraud)",
    "victim-based-crime": "Victim-based crime",
    "sexual-offences": "Sexual offences",
    "assault-with-injury": "Assault with injury",
    "burglary-in-a-dwelling": "Burglary in a dwelling",
    "asb-incidents": "Anti-social behaviour incidents",
    "ocgs": "Organised crime groups",
    "ocgs-drug-activity": "Organised crime groups whose main activity is drugs",
    "domestic-abuse": "Domestic abuse",
    "victims-satisfied": "Victims satisfied with their whole experience with the police",
    "victims-surveyed": "Victims surveyed",
    "local-policing-areas": "Local policing areas",
    "officers-trained-in-neighbourhood-excellence": "Officers trained in neighbourhood policing",
}

#: The measures published as a percentage, each with the measure it is a share of.
SHARE_OF = {
    "domestic-abuse": "recorded-crime",
    "ocgs-drug-activity": "ocgs",
    "victims-satisfied": "victims-surveyed",
}

#: How a label names each basis.
BASIS_WORDS = {
    Basis.COUNT: "number",
    Basis.PERCENT: "percentage",
    Basis.PER_1000_POPULATION: "per 1,000 population",
    Basis.PER_1000_HOUSEHOLDS: "per 1,000 households",
    Basis.PER_MILLION_POPULATION: "per million population",
    Basis.PERCENTAGE_CHANGE: "change",
}
