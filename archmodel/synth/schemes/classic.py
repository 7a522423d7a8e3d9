"""The first two measurement sites: `publisher` (Wellspring Health Guide) and `ortho` (Summit Orthopedic Group)."""

from __future__ import annotations

import re

from archmodel.synth.model import Condition, Location, Provider, Site, Specialty
from archmodel.synth.profiles import CONDITION_POST_TEMPLATES, GENERAL_TOPICS, general_post, post_for, seed_entities
from archmodel.synth.schemes.core import SCHEMES, STAGES, Scheme

# -- ortho entities --------------------------------------------------------------------------

ORTHO_SPECIALTIES = [
    ("sports-medicine", "Sports Medicine", "sports medicine physician", [
        ("acl-tear", "ACL tear", "knee", ["torn ACL", "anterior cruciate ligament injury"], ("knee-mri", "Knee MRI"),
         ("acl-reconstruction", "ACL reconstruction"), ["meniscus-tear"]),
        ("meniscus-tear", "Meniscus tear", "knee", ["torn meniscus", "torn knee cartilage"], ("knee-arthroscopy-evaluation", "Diagnostic knee arthroscopy"),
         ("meniscus-repair", "Meniscus repair"), []),
        ("rotator-cuff-tear", "Rotator cuff tear", "shoulder", ["torn rotator cuff", "shoulder tendon tear"], ("shoulder-ultrasound", "Shoulder ultrasound"),
         ("rotator-cuff-repair", "Rotator cuff repair"), ["shoulder-impingement"]),
        ("shoulder-impingement", "Shoulder impingement", "shoulder", ["swimmer's shoulder"], ("shoulder-x-ray", "Shoulder X-ray"),
         ("subacromial-decompression", "Subacromial decompression"), []),
        ("ankle-sprain", "Ankle sprain", "ankle", ["sprained ankle", "twisted ankle"], ("ankle-stress-x-ray", "Ankle stress X-ray"),
         ("ankle-ligament-reconstruction", "Ankle ligament reconstruction"), []),
    ]),
    ("joint-replacement", "Joint Replacement", "joint replacement surgeon", [
        ("knee-osteoarthritis", "Knee osteoarthritis", "knee", ["knee arthritis", "worn knee joint"], ("knee-x-ray", "Weight-bearing knee X-ray"),
         ("total-knee-replacement", "Total knee replacement"), ["hip-osteoarthritis"]),
        ("hip-osteoarthritis", "Hip osteoarthritis", "hip", ["hip arthritis"], ("hip-x-ray", "Hip X-ray"),
         ("total-hip-replacement", "Total hip replacement"), []),
        ("hip-labral-tear", "Hip labral tear", "hip", ["torn hip cartilage"], ("hip-mr-arthrogram", "Hip MR arthrogram"),
         ("hip-arthroscopy", "Hip arthroscopy"), ["hip-osteoarthritis"]),
        ("avascular-necrosis", "Avascular necrosis of the hip", "hip", ["bone death in the hip", "osteonecrosis"], ("hip-mri", "Hip MRI"),
         ("core-decompression", "Core decompression"), []),
    ]),
    ("spine", "Spine Care", "spine surgeon", [
        ("herniated-disc", "Herniated disc", "spine", ["slipped disc", "bulging disc"], ("lumbar-mri", "Lumbar spine MRI"),
         ("microdiscectomy", "Microdiscectomy"), ["sciatica"]),
        ("sciatica", "Sciatica", "spine", ["pinched nerve in the back", "leg nerve pain"], ("nerve-conduction-study", "Nerve conduction study"),
         ("epidural-steroid-injection", "Epidural steroid injection"), []),
        ("spinal-stenosis", "Spinal stenosis", "spine", ["narrowing of the spinal canal"], ("spine-ct", "Spine CT scan"),
         ("laminectomy", "Laminectomy"), ["herniated-disc"]),
        ("scoliosis", "Scoliosis", "spine", ["curved spine"], ("scoliosis-x-ray", "Standing scoliosis X-ray"),
         ("spinal-fusion", "Spinal fusion"), []),
    ]),
    ("hand-and-wrist", "Hand & Wrist", "hand surgeon", [
        ("carpal-tunnel-syndrome", "Carpal tunnel syndrome", "hand", ["numb hand", "wrist nerve compression"], ("emg", "EMG nerve test"),
         ("carpal-tunnel-release", "Carpal tunnel release"), ["trigger-finger"]),
        ("trigger-finger", "Trigger finger", "hand", ["locked finger"], ("hand-ultrasound", "Hand ultrasound"),
         ("trigger-finger-release", "Trigger finger release"), []),
        ("tennis-elbow", "Tennis elbow", "elbow", ["lateral epicondylitis", "sore outer elbow"], ("elbow-ultrasound", "Elbow ultrasound"),
         ("prp-injection", "Platelet-rich plasma injection"), []),
        ("wrist-fracture", "Wrist fracture", "wrist", ["broken wrist", "distal radius fracture"], ("wrist-x-ray", "Wrist X-ray"),
         ("wrist-fracture-fixation", "Wrist fracture fixation"), []),
    ]),
    ("foot-and-ankle", "Foot and Ankle", "foot and ankle surgeon", [
        ("plantar-fasciitis", "Plantar fasciitis", "foot", ["heel pain"], ("foot-ultrasound", "Foot ultrasound"),
         ("shockwave-therapy", "Shockwave therapy"), []),
        ("achilles-tendon-rupture", "Achilles tendon rupture", "ankle", ["torn Achilles"], ("achilles-ultrasound", "Achilles ultrasound"),
         ("achilles-repair", "Achilles tendon repair"), ["ankle-sprain"]),
        ("bunions", "Bunions", "foot", ["hallux valgus", "bump on the big toe"], ("foot-x-ray", "Foot X-ray"),
         ("bunionectomy", "Bunionectomy"), []),
    ]),
]
ORTHO_UNCOVERED = [("osteoporosis-fracture-risk", "Fragility fractures", "bone", ["osteoporotic fracture"],
                    ("dexa-scan", "DEXA bone density scan"), ("bone-health-program", "Bone health program"), [])]
ORTHO_FIRST = ["Elena", "Marcus", "Priya", "Owen", "Grace", "Tomas", "Nadia", "Caleb", "Ingrid", "Rafael", "Hannah",
               "Victor", "Leah", "Samuel", "Yuki", "Daniel"]
ORTHO_LAST = ["Brennan", "Castillo", "Desai", "Fairbanks", "Gallagher", "Holm", "Iwata", "Jankowski", "Kovac", "Lindqvist",
              "Moreau", "Nakamura", "Okonjo", "Petrov", "Quinlan", "Rasmussen"]
ORTHO_LOCATIONS = [("riverside", "Riverside Orthopedic Center"), ("summit-park", "Summit Park Clinic"),
                   ("eastlake", "Eastlake Sports Medicine"), ("north-hills", "North Hills Spine Center")]
BODY_PART: dict[str, str] = {}


def ortho_entities() -> Site:
    specialties, conditions = [], {}
    for sid, name, title, items in ORTHO_SPECIALTIES:
        services = [(f"{sid}-program", f"{name} rehabilitation program")]
        specialties.append(Specialty(sid, name, title, [c[0] for c in items], services))
        for cid, cname, part, syn, test, treatment, related in items:
            BODY_PART[cid] = part
            conditions[cid] = Condition(cid, cname, syn, sid, test, treatment, related, STAGES)
    for cid, cname, part, syn, test, treatment, related in ORTHO_UNCOVERED:
        BODY_PART[cid] = part
        conditions[cid] = Condition(cid, cname, syn, None, test, treatment, related, ("overview", "symptoms", "diagnosis", "tests", "treatment"))
    lids = [lid for lid, _ in ORTHO_LOCATIONS]
    locations = {lid: Location(lid, name, [s.id for j, s in enumerate(specialties) if (i + j) % 2 == 0 or i == 0])
                 for i, (lid, name) in enumerate(ORTHO_LOCATIONS)}
    locations["virtual"] = Location("virtual", "Video visits", [s.id for s in specialties], telehealth=True)
    providers = {}
    k = 0
    for s in specialties:
        for j in range(3):
            first, last = ORTHO_FIRST[k % len(ORTHO_FIRST)], ORTHO_LAST[k % len(ORTHO_LAST)]
            pid = f"{first}-{last}".lower()
            treats = s.conditions[j::3] or s.conditions[:1]
            locs = [lid for lid in lids if s.id in locations[lid].specialties][j % 2: j % 2 + 1] or [lids[0]]
            if j == 2:
                locs.append("virtual")
            providers[pid] = Provider(pid, f"Dr. {first} {last}", s.title, s.id, list(treats), locs)
            k += 1
    providers["ruth-albrecht"] = Provider("ruth-albrecht", "Dr. Ruth Albrecht", "bone health specialist", "joint-replacement",
                                          ["osteoporosis-fracture-risk"], ["riverside"])
    posts = []
    for i, c in enumerate(conditions.values()):
        sp = next((s.name for s in specialties if s.id == c.specialty), None)
        posts += [post_for(c, t, i + j, sp, 2023 + (i + j) % 3) for j, t in enumerate(CONDITION_POST_TEMPLATES)]
    posts += [general_post(topic, title, 0, 2024) for topic, title in GENERAL_TOPICS]
    site = Site(specialties, conditions, providers, locations, posts)
    site.reviewer = {c.id: next(p.id for p in providers.values() if c.id in p.treats) for c in conditions.values()}
    return site


def _ortho_condition(match: re.Match[str]) -> str:
    return f"/conditions/{BODY_PART.get(match.group(1), 'other')}/{match.group(1)}/"


SCHEMES["publisher"] = Scheme(
    name="publisher", site_name="Wellspring Health Guide", base_url="https://www.wellspring-guide.example",
    alias="https://wellspring-guide.example", entities=seed_entities, seed=7,
    rules=[
        ("/", "home"), ("/health/a-z/", "resource_hub"),
        ("/health/a-z/{condition}/", "condition"),
        ("/health/a-z/{condition}/signs-and-symptoms/", "symptom"),
        ("/health/a-z/{condition}/diagnosis/", "diagnosis"),
        ("/health/a-z/{condition}/living-with/", "follow_up"),
        ("/health/tests-and-procedures/*/", "test"), ("/health/treatments/*/", "treatment"),
        ("/topics/{specialty}/", "specialty_hub"), ("/programs/*/", "service"),
        ("/experts/{provider}/", "provider"), ("/clinics/{location}/", "location"),
        ("/virtual-care/", "telehealth"), ("/book/", "appointment"), ("/book/*/", "appointment"),
        ("/find-an-expert/", "appointment"), ("/news/archive/**", "other"), ("/news/*/", "blog"),
        ("/guides/", "resource_hub"), ("/guides/*/", "resource_hub"),
        ("/privacy-policy/", "policy"), ("/disclaimer/", "policy"), ("/non-emergency-care/", "policy"),
        ("/editorial-process/", "policy"),
    ],
    moves=[
        (r"/conditions/([^/]+)/", r"/health/a-z/\1/"),
        (r"/conditions/([^/]+)/symptoms/", r"/health/a-z/\1/signs-and-symptoms/"),
        (r"/conditions/([^/]+)/diagnosis/", r"/health/a-z/\1/diagnosis/"),
        (r"/conditions/([^/]+)/follow-up/", r"/health/a-z/\1/living-with/"),
        (r"/tests/(.+)", r"/health/tests-and-procedures/\1"), (r"/treatments/(.+)", r"/health/treatments/\1"),
        (r"/specialties/(.*)", r"/topics/\1"), (r"/services/(.+)", r"/programs/\1"),
        (r"/providers/(.+)", r"/experts/\1"), (r"/doctors/(.+)", r"/experts/legacy/\1"),
        (r"/locations/(.*)", r"/clinics/\1"),
        (r"/appointments/(.*)", r"/book/\1"), (r"/find-a-specialist/", r"/find-an-expert/"),
        (r"/telehealth/", r"/virtual-care/"), (r"/blog/(.*)", r"/news/\1"),
        (r"/resources/(.*)", r"/guides/\1"), (r"/health-library/", r"/health/a-z/"),
        (r"/privacy/", r"/privacy-policy/"), (r"/medical-disclaimer/", r"/disclaimer/"),
        (r"/editorial-policy/", r"/editorial-process/"),
    ],
    titles={
        "overview": "{name} - symptoms, causes and treatment",
        "symptoms": "{name}: signs and symptoms",
        "diagnosis": "Diagnosing {lname}",
        "follow_up": "Living with {lname}",
        "appointment": "Book an appointment for {lname}",
    },
)

SCHEMES["ortho"] = Scheme(
    name="ortho", site_name="Summit Orthopedic Group", base_url="https://www.summit-ortho.example",
    alias="https://summit-ortho.example", entities=ortho_entities, seed=11,
    rules=[
        ("/", "home"), ("/conditions/", "resource_hub"),
        ("/conditions/*/{condition}/", "condition"),
        ("/conditions/*/{condition}/symptoms/", "symptom"),
        ("/conditions/*/{condition}/diagnosis/", "diagnosis"),
        ("/conditions/*/{condition}/recovery/", "follow_up"),
        ("/diagnostics/*/", "test"), ("/procedures/*/", "treatment"),
        ("/our-specialties/{specialty}/", "specialty_hub"), ("/rehabilitation/*/", "service"),
        ("/physicians/{provider}/", "provider"), ("/clinics/{location}/", "location"),
        ("/video-visits/", "telehealth"), ("/request-an-appointment/", "appointment"),
        ("/request-an-appointment/*/", "appointment"), ("/find-a-physician/", "appointment"),
        ("/articles/archive/**", "other"), ("/articles/*/", "blog"),
        ("/patient-education/", "resource_hub"), ("/patient-education/*/", "resource_hub"),
        ("/privacy/", "policy"), ("/medical-disclaimer/", "policy"), ("/non-emergency-care/", "policy"),
        ("/editorial-policy/", "policy"),
    ],
    moves=[
        (r"/conditions/([^/]+)/", _ortho_condition),  # type: ignore[list-item]
        (r"/conditions/([^/]+)/symptoms/", "symptoms"),
        (r"/conditions/([^/]+)/diagnosis/", "diagnosis"),
        (r"/conditions/([^/]+)/follow-up/", "recovery"),
        (r"/tests/(.+)", r"/diagnostics/\1"), (r"/treatments/(.+)", r"/procedures/\1"),
        (r"/specialties/(.*)", r"/our-specialties/\1"), (r"/services/(.+)", r"/rehabilitation/\1"),
        (r"/providers/(.+)", r"/physicians/\1"), (r"/doctors/(.+)", r"/physicians/legacy/\1"),
        (r"/locations/(.*)", r"/clinics/\1"), (r"/telehealth/", r"/video-visits/"),
        (r"/appointments/(.*)", r"/request-an-appointment/\1"), (r"/find-a-specialist/", r"/find-a-physician/"),
        (r"/blog/(.*)", r"/articles/\1"), (r"/resources/(.*)", r"/patient-education/\1"),
        (r"/health-library/", r"/conditions/"),
    ],
    titles={
        "overview": "{name} | Orthopedic conditions",
        "symptoms": "{name} symptoms",
        "diagnosis": "How we diagnose {lname}",
        "follow_up": "Recovery after {lname} treatment",
        "appointment": "Request an appointment: {lname}",
    },
)
