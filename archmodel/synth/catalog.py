"""Realistic names for the fictional health system: specialties, conditions, people, places.

The seed site uses the curated entries as written (the endocrinology examples of the linking
guidance plus cardiology and neurology); `archmodel synth` starts from the same entries and
adds generated ones as the page count grows. Names are chosen so that no condition's name or
synonym contains another condition's name or synonym as whole words: an anchor that names one
condition must never accidentally name a second one.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ConditionSpec:
    id: str
    name: str
    synonyms: tuple[str, ...]
    test: tuple[str, str]  # (slug under /tests/, page name)
    treatment: tuple[str, str]  # (slug under /treatments/, page name)
    related: tuple[str, ...] = ()
    stages: tuple[str, ...] = ("overview", "symptoms", "diagnosis", "tests", "treatment", "follow_up", "appointment")


@dataclass(frozen=True)
class SpecialtySpec:
    id: str
    name: str
    title: str  # what its clinicians are called: "endocrinologist"
    conditions: tuple[ConditionSpec, ...]
    services: tuple[tuple[str, str], ...] = field(default=())  # (slug under /services/, name)


def _c(cid: str, name: str, synonyms: tuple[str, ...], test: tuple[str, str], treatment: tuple[str, str],
       related: tuple[str, ...] = (), stages: tuple[str, ...] | None = None) -> ConditionSpec:
    if stages is None:
        return ConditionSpec(cid, name, synonyms, test, treatment, related)
    return ConditionSpec(cid, name, synonyms, test, treatment, related, stages)


ENDOCRINOLOGY = SpecialtySpec(
    "endocrinology", "Endocrinology", "endocrinologist",
    (
        _c("diabetes", "Diabetes", ("type 2 diabetes", "high blood sugar", "diabetes mellitus"),
           ("a1c", "A1C test"), ("diabetes-medication", "Diabetes medication education"),
           ("obesity", "insulin-resistance")),
        _c("thyroid-nodules", "Thyroid nodules", ("benign thyroid nodules", "thyroid lump"),
           ("thyroid-ultrasound", "Thyroid ultrasound and biopsy"), ("thyroid-nodule-ablation", "Thyroid nodule ablation"),
           ("hypothyroidism",)),
        _c("hypothyroidism", "Hypothyroidism", ("underactive thyroid", "low thyroid"),
           ("thyroid-function", "Thyroid lab tests (TSH and free T4)"),
           ("thyroid-hormone-replacement", "Thyroid hormone replacement"), ("hyperthyroidism",)),
        _c("hyperthyroidism", "Hyperthyroidism", ("overactive thyroid", "Graves disease"),
           ("thyroid-antibodies", "Thyroid antibody tests"), ("antithyroid-medication", "Antithyroid medication and radioiodine")),
        _c("obesity", "Obesity", ("excess weight", "severe obesity"),
           ("body-composition", "Body composition analysis"), ("medical-weight-loss", "Medical weight loss"),
           ("insulin-resistance", "metabolic-syndrome")),
        _c("insulin-resistance", "Insulin resistance", ("prediabetes", "impaired glucose tolerance"),
           ("oral-glucose-tolerance", "Oral glucose tolerance test"),
           ("insulin-resistance-treatment", "Lifestyle and medication for insulin resistance"), ("pcos",)),
        _c("metabolic-syndrome", "Metabolic syndrome", ("metabolic health", "syndrome X"),
           ("lipid-and-glucose-panel", "Lipid and glucose panel"), ("metabolic-care-plan", "Metabolic care plan")),
        _c("pcos", "Polycystic ovary syndrome", ("PCOS",),
           ("reproductive-hormone-panel", "Reproductive hormone panel"), ("pcos-treatment", "PCOS treatment options")),
        _c("osteoporosis", "Osteoporosis", ("bone loss", "low bone density"),
           ("dexa-scan", "DEXA bone density scan"), ("bone-strengthening-medication", "Bone strengthening medication")),
    ),
    (("weight-management-program", "Weight management program"), ("diabetes-education", "Diabetes education classes")),
)

CARDIOLOGY = SpecialtySpec(
    "cardiology", "Cardiology", "cardiologist",
    (
        _c("heart-failure", "Heart failure", ("congestive heart failure", "CHF"),
           ("echocardiogram", "Echocardiogram"), ("heart-failure-medications", "Heart failure medications"),
           ("hypertension", "atrial-fibrillation")),
        _c("atrial-fibrillation", "Atrial fibrillation", ("AFib", "irregular heartbeat"),
           ("ecg", "Electrocardiogram (ECG)"), ("catheter-ablation", "Catheter ablation"), ("heart-failure",)),
        _c("hypertension", "Hypertension", ("high blood pressure",),
           ("ambulatory-blood-pressure-monitoring", "24-hour blood pressure monitoring"),
           ("blood-pressure-medication", "Blood pressure medication"), ("coronary-artery-disease",)),
        _c("coronary-artery-disease", "Coronary artery disease", ("CAD", "blocked arteries"),
           ("cardiac-stress-test", "Cardiac stress test"), ("angioplasty-and-stents", "Angioplasty and stents"),
           ("high-cholesterol",)),
        _c("high-cholesterol", "High cholesterol", ("hyperlipidemia", "elevated LDL"),
           ("lipid-panel", "Lipid panel"), ("statin-therapy", "Statin therapy")),
        _c("heart-valve-disease", "Heart valve disease", ("valvular heart disease", "aortic stenosis"),
           ("cardiac-mri", "Cardiac MRI"), ("tavr", "Transcatheter aortic valve replacement (TAVR)"), ("heart-failure",)),
    ),
    (("cardiac-rehabilitation", "Cardiac rehabilitation"), ("heart-rhythm-clinic", "Heart rhythm clinic")),
)

NEUROLOGY = SpecialtySpec(
    "neurology", "Neurology", "neurologist",
    (
        _c("migraine", "Migraine", ("migraine headaches", "chronic migraine"),
           ("neurological-exam", "Neurological exam and headache diary"), ("migraine-prevention", "Migraine prevention and relief")),
        _c("epilepsy", "Epilepsy", ("seizure disorder", "recurrent seizures"),
           ("eeg", "Electroencephalogram (EEG)"), ("anti-seizure-medication", "Anti-seizure medication"), ("migraine",)),
        _c("multiple-sclerosis", "Multiple sclerosis", ("MS", "relapsing multiple sclerosis"),
           ("brain-mri", "Brain MRI"), ("disease-modifying-therapy", "Disease-modifying therapy")),
        _c("parkinsons-disease", "Parkinson's disease", ("Parkinson disease", "parkinsonism"),
           ("datscan", "DaTscan imaging"), ("deep-brain-stimulation", "Deep brain stimulation")),
        _c("peripheral-neuropathy", "Peripheral neuropathy", ("nerve damage", "neuropathy"),
           ("nerve-conduction-study", "Nerve conduction study and EMG"), ("neuropathy-pain-care", "Neuropathy pain care")),
    ),
    (("headache-clinic", "Headache clinic"),),
)

SEED_SPECIALTIES = (ENDOCRINOLOGY, CARDIOLOGY, NEUROLOGY)

# Conditions with pages but covered by no specialty (planted: condition-without-hub).
UNCOVERED = (
    _c("sleep-apnea", "Sleep apnea", ("obstructive sleep apnea", "OSA"),
       ("home-sleep-study", "Home sleep study"), ("cpap-therapy", "CPAP therapy")),
    _c("vitamin-d-deficiency", "Vitamin D deficiency", ("low vitamin D",),
       ("vitamin-d-level", "Vitamin D blood test"), ("vitamin-d-supplements", "Vitamin D supplements"),
       stages=("overview", "symptoms", "tests", "treatment", "appointment")),
)

# (id, name, title, specialty, treats, locations)
SEED_PROVIDERS = (
    ("maria-okafor", "Dr. Maria Okafor", "endocrinologist", "endocrinology", ("diabetes", "thyroid-nodules", "insulin-resistance"), ("downtown", "virtual")),
    ("james-whitfield", "Dr. James Whitfield", "endocrinologist", "endocrinology", ("diabetes", "obesity", "metabolic-syndrome"), ("northgate",)),
    ("aisha-rahman", "Dr. Aisha Rahman", "thyroid specialist", "endocrinology", ("hypothyroidism", "hyperthyroidism", "thyroid-nodules"), ("downtown", "lakeshore")),
    ("daniel-cho", "Dr. Daniel Cho", "endocrinologist", "endocrinology", ("obesity", "insulin-resistance", "pcos"), ("westside", "virtual")),
    ("elena-petrova", "Dr. Elena Petrova", "endocrinologist", "endocrinology", ("osteoporosis", "hypothyroidism", "vitamin-d-deficiency"), ("lakeshore",)),
    ("rachel-goldberg", "Dr. Rachel Goldberg", "endocrinologist", "endocrinology", ("pcos", "metabolic-syndrome", "obesity"), ("westside",)),
    ("sofia-marquez", "Sofia Marquez, NP", "endocrinology nurse practitioner", "endocrinology", ("diabetes", "hyperthyroidism", "osteoporosis"), ("northgate", "virtual")),
    ("lena-park", "Dr. Lena Park", "heart failure specialist", "cardiology", ("heart-failure", "hypertension"), ("downtown", "virtual")),
    ("omar-haddad", "Dr. Omar Haddad", "cardiac electrophysiologist", "cardiology", ("atrial-fibrillation", "heart-failure"), ("northgate",)),
    ("grace-liu", "Dr. Grace Liu", "cardiologist", "cardiology", ("hypertension", "high-cholesterol", "coronary-artery-disease"), ("lakeshore", "virtual")),
    ("michael-brennan", "Dr. Michael Brennan", "interventional cardiologist", "cardiology", ("coronary-artery-disease", "heart-valve-disease"), ("downtown",)),
    ("nadia-osei", "Dr. Nadia Osei", "cardiologist", "cardiology", ("heart-failure", "heart-valve-disease", "atrial-fibrillation"), ("westside", "virtual")),
    ("priya-raman", "Dr. Priya Raman", "cardiologist", "cardiology", ("high-cholesterol", "heart-valve-disease"), ("northgate",)),
    ("thomas-becker", "Dr. Thomas Becker", "headache specialist", "neurology", ("migraine",), ("westside", "virtual")),
    ("hannah-kim", "Dr. Hannah Kim", "epileptologist", "neurology", ("epilepsy",), ("downtown",)),
    ("victor-alvarez", "Dr. Victor Alvarez", "neurologist", "neurology", ("multiple-sclerosis", "peripheral-neuropathy"), ("northgate",)),
    ("claire-dubois", "Dr. Claire Dubois", "movement disorders neurologist", "neurology", ("parkinsons-disease",), ("lakeshore",)),
    ("samuel-ortiz", "Dr. Samuel Ortiz", "neurologist", "neurology", ("migraine", "epilepsy"), ("downtown",)),
    ("kwame-asante", "Dr. Kwame Asante", "neurologist", "neurology", ("peripheral-neuropathy", "multiple-sclerosis", "migraine"), ("westside", "virtual")),
)

# (id, name, specialties offered)
SEED_LOCATIONS = (
    ("downtown", "Downtown Medical Center", ("endocrinology", "cardiology", "neurology")),
    ("northgate", "Northgate Clinic", ("endocrinology", "cardiology", "neurology")),
    ("westside", "Westside Specialty Clinic", ("endocrinology", "cardiology", "neurology")),
    ("lakeshore", "Lakeshore Health Center", ("endocrinology", "cardiology", "neurology")),
    ("harbor-point", "Harbor Point Heart Center", ("cardiology",)),
)

# -- parts for generated entities (synth at larger sizes) ----------------------------------

EXTRA_SPECIALTIES = (
    ("gastroenterology", "Gastroenterology", "gastroenterologist", "digestive"),
    ("pulmonology", "Pulmonology", "pulmonologist", "pulmonary"),
    ("rheumatology", "Rheumatology", "rheumatologist", "joint"),
    ("nephrology", "Nephrology", "nephrologist", "renal"),
    ("dermatology", "Dermatology", "dermatologist", "skin"),
    ("urology", "Urology", "urologist", "urinary"),
    ("hematology", "Hematology", "hematologist", "blood"),
    ("oncology", "Oncology", "oncologist", "tumour"),
    ("orthopedics", "Orthopedics", "orthopedic surgeon", "bone"),
    ("ophthalmology", "Ophthalmology", "ophthalmologist", "ocular"),
    ("otolaryngology", "Ear, nose and throat", "ENT specialist", "sinus"),
    ("allergy", "Allergy and immunology", "allergist", "immune"),
    ("infectious-disease", "Infectious disease", "infectious disease physician", "infectious"),
    ("geriatrics", "Geriatrics", "geriatrician", "age-related"),
    ("pediatrics", "Pediatrics", "pediatrician", "childhood"),
    ("womens-health", "Women's health", "gynecologist", "pelvic"),
    ("vascular-surgery", "Vascular surgery", "vascular surgeon", "vascular"),
    ("pain-medicine", "Pain medicine", "pain specialist", "nerve-pain"),
    ("sports-medicine", "Sports medicine", "sports medicine physician", "tendon"),
    ("psychiatry", "Psychiatry", "psychiatrist", "mood"),
    ("hepatology", "Hepatology", "hepatologist", "hepatic"),
)
DISORDER_WORDS = ("syndrome", "disease", "disorder", "dystrophy", "deficiency")
NAME_HEADS = ("Har", "Ven", "Mor", "Cal", "Bel", "Dun", "Ash", "Kel", "Ros", "Tal", "Wyn", "Brad", "Cor", "Fen",
              "Gal", "Hol", "Lin", "Mar", "Nor", "Pen", "Quin", "Ral", "Sel", "Thor", "Ul", "Var", "Wes", "Yar",
              "Zel", "Ard", "Bram", "Cas", "Dal", "Elm", "Fal", "Gor", "Hal", "Ing", "Jas", "Kin")
NAME_TAILS = ("low", "mere", "ton", "wick", "ford", "ley", "sby", "den", "holt", "ridge", "worth", "by", "mont",
              "stead", "field", "ham", "well", "more", "shaw", "brook", "dale", "gate", "court", "wood", "vale",
              "crest", "lund", "berg", "mark", "son")
FIRST_NAMES = ("Maria", "James", "Aisha", "Daniel", "Elena", "Rachel", "Sofia", "Lena", "Omar", "Grace", "Michael",
               "Nadia", "Priya", "Thomas", "Hannah", "Victor", "Claire", "Samuel", "Kwame", "Anna", "Ben", "Chloe",
               "David", "Emma", "Farid", "Gabriela", "Henry", "Isabel", "Jonah", "Keiko", "Luis", "Mei", "Noah",
               "Olivia", "Pavel", "Rosa", "Sanjay", "Tara", "Uma", "Wei", "Yusuf", "Zoe", "Amara", "Bilal",
               "Carmen", "Dmitri", "Esther", "Felix", "Hiro", "Ines", "Jamal", "Lucia", "Mateo", "Nina", "Owen",
               "Paula", "Ravi", "Sara", "Tomas", "Vera")
LAST_NAMES = ("Okafor", "Whitfield", "Rahman", "Cho", "Petrova", "Goldberg", "Marquez", "Park", "Haddad", "Liu",
              "Brennan", "Osei", "Raman", "Becker", "Kim", "Alvarez", "Dubois", "Ortiz", "Asante", "Nguyen",
              "Schmidt", "Rossi", "Tanaka", "Johansson", "Kowalski", "Mensah", "Fischer", "Costa", "Ibrahim",
              "Novak", "Silva", "Moreau", "Yamamoto", "Andersen", "Baker", "Chen", "Diaz", "Evans", "Fraser",
              "Gupta", "Hughes", "Ivanova", "Jensen", "Khan", "Lopez", "Murphy", "Nakamura", "O'Neill", "Patel",
              "Quinn", "Reyes", "Sato", "Turner", "Varga", "Walsh", "Xu", "Young", "Zhang", "Abbott", "Banerjee",
              "Carver", "Delgado", "Ekström", "Flores", "Grant", "Holm", "Ito", "Jovanovic", "Keller", "Larsen")
MIDDLE_INITIALS = "ABCDEFGHJKLMNPRSTVW"
PLACE_NAMES = ("Riverside", "Maple Grove", "Cedar Park", "Hillcrest", "Bayview", "Fairview", "Oak Ridge",
               "Pinecrest", "Brookside", "Eastgate", "Southpoint", "Millbrook", "Stonebridge", "Willow Creek",
               "Kingsbury", "Elmwood", "Clearwater", "Ashford", "Greenfield", "Summit")
PLACE_KINDS = ("Clinic", "Medical Center", "Specialty Clinic", "Health Center", "Outpatient Center")
