"""`portuguese`: Clínica Vida Plena, a Portuguese-only (Brazilian) multi-specialty clinic in São Paulo.

Conditions are `/doencas/hipertensao/` with `sintomas/`, `diagnostico/` and `acompanhamento/`
below; tests are `/exames/...`, treatments `/tratamentos/...`, booking pages
`/agendar-consulta/<condição>/`, specialties `/especialidades/...`, doctors
`/corpo-clinico/dra-fernanda-souza/` ("Dra. Fernanda Souza - Cardiologista"), units
`/unidades/moema/` ("Unidade Moema"), telemedicine `/telemedicina/`. Every title, H1 and anchor is
in Portuguese ("Sintomas da hipertensão arterial", "Como é feito o diagnóstico do diabetes tipo 2?",
"saiba mais"), and the ground truth uses Portuguese ids and names, with Portuguese generic anchors.
"""

from __future__ import annotations

import re

from archmodel.synth import model as m
from archmodel.synth.model import Page, Site, slugify
from archmodel.synth.schemes.core import SCHEMES
from archmodel.synth.schemes.rework import CHROME_POSITIONS, Rework, anchor_key, is_review_credit, make_site, pick

BRAND = "Clínica Vida Plena"
SHORT = "Vida Plena"

SPECIALTIES = [
    ("cardiologia", "Cardiologia", "cardiologista", [("reabilitacao-cardiaca", "Reabilitação cardíaca")], [
        ("hipertensao", "Hipertensão arterial", ["pressão alta"], ("mapa-24-horas", "MAPA 24 horas"),
         ("tratamento-da-hipertensao", "Tratamento da hipertensão"), ["insuficiencia-cardiaca"]),
        ("insuficiencia-cardiaca", "Insuficiência cardíaca", ["coração fraco"], ("ecocardiograma", "Ecocardiograma"),
         ("tratamento-da-insuficiencia-cardiaca", "Tratamento da insuficiência cardíaca"), []),
        ("arritmia-cardiaca", "Arritmia cardíaca", ["batedeira", "fibrilação atrial"], ("holter-24-horas", "Holter 24 horas"),
         ("ablacao-por-cateter", "Ablação por cateter"), []),
    ]),
    ("endocrinologia", "Endocrinologia", "endocrinologista", [("programa-de-emagrecimento", "Programa de emagrecimento")], [
        ("diabetes-tipo-2", "Diabetes tipo 2", ["açúcar alto no sangue", "diabetes mellitus"],
         ("hemoglobina-glicada", "Exame de hemoglobina glicada"), ("tratamento-do-diabetes", "Tratamento do diabetes tipo 2"),
         ["obesidade"]),
        ("hipotireoidismo", "Hipotireoidismo", ["tireoide lenta"], ("tsh-e-t4-livre", "Exame de TSH e T4 livre"),
         ("reposicao-hormonal-da-tireoide", "Reposição hormonal da tireoide"), []),
        ("obesidade", "Obesidade", ["excesso de peso"], ("bioimpedancia", "Bioimpedância"),
         ("tratamento-da-obesidade", "Tratamento da obesidade"), []),
    ]),
    ("gastroenterologia", "Gastroenterologia", "gastroenterologista", [("centro-de-endoscopia", "Centro de endoscopia")], [
        ("refluxo-gastroesofagico", "Doença do refluxo gastroesofágico", ["refluxo", "DRGE"],
         ("endoscopia-digestiva-alta", "Endoscopia digestiva alta"), ("tratamento-do-refluxo", "Tratamento do refluxo"), ["gastrite"]),
        ("gastrite", "Gastrite", ["inflamação do estômago"], ("teste-para-h-pylori", "Teste para H. pylori"),
         ("tratamento-da-gastrite", "Tratamento da gastrite"), []),
        ("sindrome-do-intestino-irritavel", "Síndrome do intestino irritável", ["SII", "cólon irritável"], None,
         ("tratamento-da-sii", "Tratamento da síndrome do intestino irritável"), []),
    ]),
    ("dermatologia", "Dermatologia", "dermatologista", [("dermatologia-estetica", "Dermatologia estética")], [
        ("psoriase", "Psoríase", ["placas na pele"], None, ("fototerapia", "Fototerapia"), []),
        ("dermatite-atopica", "Dermatite atópica", ["eczema"], ("teste-de-contato", "Teste de contato"),
         ("tratamento-da-dermatite-atopica", "Tratamento da dermatite atópica"), []),
    ]),
    ("clinica-medica", "Clínica Médica", "clínico geral", [("check-up-completo", "Check-up completo")], [
        ("dengue", "Dengue", ["febre da dengue"], ("teste-ns1", "Teste NS1 para dengue"), ("hidratacao-venosa", "Hidratação venosa"), []),
        ("gripe", "Gripe (influenza)", ["influenza", "gripe sazonal"], None, ("antivirais-para-gripe", "Antivirais para gripe"), []),
    ]),
]
UNCOVERED = [("anemia-ferropriva", "Anemia ferropriva", ["falta de ferro", "anemia por deficiência de ferro"],
              ("ferritina", "Exame de ferritina"), ("reposicao-de-ferro", "Reposição de ferro"), [])]
# condition -> the name with its article ("a hipertensão arterial")
ARTICLE = {"hipertensao": "a", "insuficiencia-cardiaca": "a", "arritmia-cardiaca": "a", "diabetes-tipo-2": "o",
           "hipotireoidismo": "o", "obesidade": "a", "refluxo-gastroesofagico": "a", "gastrite": "a",
           "sindrome-do-intestino-irritavel": "a", "psoriase": "a", "dermatite-atopica": "a", "dengue": "a", "gripe": "a",
           "anemia-ferropriva": "a"}
LOCATIONS = [("moema", "Unidade Moema", ["cardiologia", "endocrinologia", "gastroenterologia", "dermatologia", "clinica-medica"]),
             ("pinheiros", "Unidade Pinheiros", ["cardiologia", "dermatologia", "clinica-medica"]),
             ("santana", "Unidade Santana", ["endocrinologia", "gastroenterologia", "clinica-medica"])]
# id, name, female, specialty, treats, locations, CRM
PEOPLE = [
    ("fernanda-souza", "Fernanda Souza", True, "cardiologia", ["hipertensao", "insuficiencia-cardiaca"], ["moema"], "123456"),
    ("ricardo-almeida", "Ricardo Almeida", False, "cardiologia", ["arritmia-cardiaca", "hipertensao"], ["pinheiros", "virtual"], "98231"),
    ("juliana-costa", "Juliana Costa", True, "endocrinologia", ["diabetes-tipo-2", "obesidade"], ["moema", "virtual"], "145870"),
    ("paulo-henrique-lima", "Paulo Henrique Lima", False, "endocrinologia", ["hipotireoidismo", "diabetes-tipo-2"], ["santana"], "77412"),
    ("camila-rodrigues", "Camila Rodrigues", True, "gastroenterologia", ["refluxo-gastroesofagico", "gastrite"], ["moema"], "132954"),
    ("marcelo-santos", "Marcelo Santos", False, "gastroenterologia", ["sindrome-do-intestino-irritavel", "gastrite"], ["santana"], "88120"),
    ("beatriz-oliveira", "Beatriz Oliveira", True, "dermatologia", ["psoriase", "dermatite-atopica"], ["pinheiros"], "154002"),
    ("rafael-pereira", "Rafael Pereira", False, "dermatologia", ["dermatite-atopica"], ["moema", "virtual"], "120377"),
    ("lucas-martins", "Lucas Martins", False, "clinica-medica", ["dengue", "gripe", "anemia-ferropriva"], ["santana", "pinheiros"], "101559"),
    ("ana-beatriz-ramos", "Ana Beatriz Ramos", True, "clinica-medica", ["gripe", "dengue"], ["moema", "virtual"], "160233"),
]
PERSON = {pid: (name, female, crm) for pid, name, female, _, _, _, crm in PEOPLE}
TITLE = {s[0]: s[2] for s in SPECIALTIES}

# seed path -> (path, title, H1, menu label); None drops the page
FIXED: dict[str, tuple[str, str, str, str]] = {
    m.HOME: ("/", f"{BRAND} | Clínica médica em São Paulo", "Cuidado completo para você e sua família", "Início"),
    m.SPECIALTIES_INDEX: ("/especialidades/", "Especialidades", "Nossas especialidades", "Especialidades"),
    m.FIND: ("/corpo-clinico/", "Corpo clínico", "Nosso corpo clínico", "Corpo clínico"),
    m.APPOINTMENTS: ("/agende-sua-consulta/", "Agende sua consulta", "Agende sua consulta", "Agende sua consulta"),
    m.SECOND_OPINION: ("/agende-sua-consulta/segunda-opiniao/", "Segunda opinião médica", "Segunda opinião médica",
                       "Segunda opinião"),
    m.LOCATIONS_INDEX: ("/unidades/", "Nossas unidades", "Nossas unidades", "Unidades"),
    m.TELEHEALTH: ("/telemedicina/", "Telemedicina: consultas online", "Telemedicina", "Telemedicina"),
    m.RESOURCES: ("/para-pacientes/", "Para pacientes", "Para pacientes", "Para pacientes"),
    m.LAB_PREP: ("/para-pacientes/preparo-para-exames/", "Preparo para exames", "Preparo para exames", "Preparo para exames"),
    m.LIBRARY: ("/doencas/", "Doenças de A a Z", "Doenças de A a Z", "Doenças de A a Z"),
    m.BLOG: ("/blog/", "Blog Vida Plena", "Blog Vida Plena", "Blog"),
    m.BLOG_ARCHIVE: ("/blog/arquivo/", "Arquivo do blog", "Arquivo do blog", "posts anteriores"),
    m.PRIVACY: ("/politica-de-privacidade/", "Política de privacidade", "Política de privacidade", "Política de privacidade"),
    m.DISCLAIMER: ("/aviso-legal/", "Aviso legal", "Aviso legal", "Aviso legal"),
    m.NON_EMERGENCY: ("/quando-ir-ao-pronto-socorro/", "Quando ir ao pronto-socorro", "Quando ir ao pronto-socorro",
                      "Urgência e emergência"),
    m.EDITORIAL: ("/politica-editorial/", "Política editorial e revisão médica", "Como revisamos nosso conteúdo",
                  "Política editorial"),
    m.ABOUT: ("/sobre-nos/", "Sobre nós", f"Sobre a {BRAND}", "Sobre nós"),
    m.CONTACT: ("/contato/", "Fale conosco", "Fale conosco", "Contato"),
    m.CAREERS: ("/trabalhe-conosco/", "Trabalhe conosco", "Trabalhe conosco", "Trabalhe conosco"),
    "/patient-portal/": ("/portal-do-paciente/", "Portal do paciente", "Portal do paciente", "Portal do paciente"),
    "/pay-a-bill/": ("/segunda-via-de-boleto/", "Segunda via de boleto", "Segunda via de boleto", "Segunda via de boleto"),
    "/medical-records/": ("/prontuario/", "Solicitação de prontuário", "Solicitação de prontuário", "Prontuário"),
    "/accessibility/": ("/acessibilidade/", "Acessibilidade", "Acessibilidade", "Acessibilidade"),
    "/visitor-information/": ("/como-chegar/", "Como chegar", "Como chegar às nossas unidades", "Como chegar"),
    "/newsroom/": ("/na-midia/", "Na mídia", "Vida Plena na mídia", "Na mídia"),
    "/blog/archive/2018/": ("/blog/arquivo/2018/", "Arquivo do blog: 2018", "Posts de 2018", "2018"),
    "/patients/insurance-coverage/": ("/para-pacientes/convenios/", "Convênios aceitos", "Convênios aceitos", "Convênios aceitos"),
}
DROPPED = {"/price-transparency/", "/nondiscrimination-notice/", "/volunteer/", "/give/"}
GENERAL = {"choose": "Como escolher o especialista certo", "telehealth": "Como se preparar para uma consulta de telemedicina",
           "review": "O que significa a revisão médica dos nossos artigos",
           "emergency": "Pronto-socorro, pronto atendimento ou consulta com especialista?",
           "labs": "Entenda os resultados dos seus exames", "clinic": "Nova unidade abre as portas"}
EXTERNAL_TEXT = {"CDC guidance on chronic disease": "orientações do Ministério da Saúde", "open positions": "vagas abertas",
                 "555-555-0100": "(11) 3000-0000"}


def entities() -> Site:
    people = [(pid, ("Dra. " if female else "Dr. ") + name, TITLE[sid], sid, treats, locs)
              for pid, name, female, sid, treats, locs, _ in PEOPLE]
    return make_site(SPECIALTIES, UNCOVERED, people, LOCATIONS, "Telemedicina", (2021, 5))


def lower(name: str) -> str:
    """'Hipertensão arterial' -> 'hipertensão arterial', but 'MAPA 24 horas' and 'TSH' stay as written."""
    first = name.split()[0]
    return name if len(first) > 1 and first[1:] != first[1:].lower() else name[0].lower() + name[1:]


def of(cid: str, site: Site) -> str:
    """'da hipertensão arterial', 'do diabetes tipo 2'."""
    return ("da " if ARTICLE[cid] == "a" else "do ") + lower(site.conditions[cid].name)


def the(cid: str, site: Site) -> str:
    return ARTICLE[cid] + " " + lower(site.conditions[cid].name)


def post_title(site: Site, ref: str) -> str:
    post = site.post(ref)
    if post.condition is None:
        return GENERAL[post.topic]
    c = site.conditions[post.condition]
    sp = site.specialty(c.specialty)
    count = re.match(r"\d+", post.title)
    return {
        "signs": f"{count.group(0) if count else 5} sinais de alerta {of(c.id, site)}",
        "living": f"Como conviver com {the(c.id, site)}: dicas da nossa equipe de {sp.name.lower() if sp else 'clínica médica'}",
        "test": f"O que perguntar antes do exame: {lower(c.test[1].removeprefix('Exame de '))}",
        "treatment": f"Novidades no tratamento {of(c.id, site)}",
        "myths": f"{c.name}: mitos e verdades",
    }[post.template]


def locate(site: Site, page: Page) -> str:
    if page.path in FIXED:
        return FIXED[page.path][0]
    ref = page.ref or ""
    if page.kind == "stage":
        c = site.conditions[ref]
        return {
            "overview": f"/doencas/{c.id}/", "symptoms": f"/doencas/{c.id}/sintomas/", "diagnosis": f"/doencas/{c.id}/diagnostico/",
            "tests": f"/exames/{c.test[0]}/", "treatment": f"/tratamentos/{c.treatment[0]}/",
            "follow_up": f"/doencas/{c.id}/acompanhamento/", "appointment": f"/agendar-consulta/{c.id}/",
        }[page.stage or ""]
    if page.kind == "hub":
        return f"/especialidades/{ref}/"
    if page.kind == "service":
        return f"/servicos/{ref}/"
    if page.kind == "provider":
        return ("/corpo-clinico/dra-" if PERSON[ref][1] else "/corpo-clinico/dr-") + ref + "/"
    if page.kind == "location":
        return f"/unidades/{ref}/"
    if page.kind == "blog":
        return f"/blog/{slugify(post_title(site, ref))}/"
    return page.path


def h1_of(site: Site, page: Page) -> str:
    ref = page.ref or ""
    if page.path in FIXED:
        return FIXED[page.path][2]
    if page.kind == "stage":
        c = site.conditions[ref]
        return {
            "overview": c.name, "symptoms": f"Sintomas {of(c.id, site)}",
            "diagnosis": f"Como é feito o diagnóstico {of(c.id, site)}?", "tests": c.test[1], "treatment": c.treatment[1],
            "follow_up": f"Acompanhamento {of(c.id, site)}", "appointment": f"Agende uma consulta: {lower(c.name)}",
        }[page.stage or ""]
    if page.kind == "hub":
        return site.specialty(ref).name  # type: ignore[union-attr]
    if page.kind == "service":
        return next(n for s in site.specialties for slug, n in s.services if slug == ref)
    if page.kind == "provider":
        return site.providers[ref].name
    if page.kind == "location":
        return site.locations[ref].name
    if page.kind == "blog":
        return post_title(site, ref)
    return page.h1


def title(site: Site, page: Page) -> tuple[str, str]:
    suffix = f" | {SHORT}"
    ref = page.ref or ""
    h1 = h1_of(site, page)
    if page.path in FIXED:
        t = FIXED[page.path][1]
        return (t if page.path == m.HOME else t + suffix), h1
    if page.kind == "stage":
        c = site.conditions[ref]
        t = {"overview": f"{c.name}: o que é, sintomas e tratamento", "symptoms": f"{c.name}: sintomas",
             "tests": f"{c.test[1]}: como é feito e preparo"}.get(page.stage or "", h1)
        return t + suffix, h1
    if page.kind == "hub":
        return f"{h1} em São Paulo{suffix}", h1
    if page.kind == "provider":
        name, _, crm = PERSON[ref]
        t = f"{site.providers[ref].name} - {site.providers[ref].title.capitalize()} | CRM-SP {crm}"
        return t + suffix, h1
    if page.kind == "location":
        return f"{h1} - {BRAND} em São Paulo{suffix}", h1
    return h1 + suffix, h1


def anchor(site: Site, source: Page | None, target: Page | None, text: str, position: str) -> str:
    generic = {"learn more": "saiba mais", "read more": "leia mais", "click here": "clique aqui", "here": "aqui"}
    if text.lower() in generic:
        return generic[text.lower()]
    if target is None:
        if text.startswith("Map and directions to "):
            return "Mapa e rotas: " + text.removeprefix("Map and directions to ")
        return EXTERNAL_TEXT.get(text, text)
    key = anchor_key(source, target, text)
    if target.path in FIXED:
        label = FIXED[target.path][3]
        return label if position in CHROME_POSITIONS else pick(key, [label, label.lower()])
    ref = target.ref or ""
    if target.kind == "stage":
        c = site.conditions[ref]
        return pick(key, {
            "overview": [c.name, f"o que é {the(c.id, site)}", f"saiba mais sobre {the(c.id, site)}",
                         c.synonyms[0] if c.synonyms else c.name],
            "symptoms": [f"sintomas {of(c.id, site)}", f"sinais {of(c.id, site)}", f"quais são os sintomas {of(c.id, site)}"],
            "diagnosis": [f"diagnóstico {of(c.id, site)}", f"como é feito o diagnóstico {of(c.id, site)}"],
            "tests": [c.test[1], f"{lower(c.test[1])}: como se preparar"],
            "treatment": [c.treatment[1], f"tratamento {of(c.id, site)}", f"opções de tratamento {of(c.id, site)}"],
            "follow_up": [f"acompanhamento {of(c.id, site)}", f"como conviver com {the(c.id, site)}"],
            "appointment": ["agende uma consulta", f"agende sua consulta para {lower(c.name)}", "marcar consulta"],
        }[target.stage or ""])
    if target.kind == "hub":
        name = site.specialty(ref).name  # type: ignore[union-attr]
        return name if position == "Navigation" else pick(key, [name, f"equipe de {name.lower()}", f"{name} na {SHORT}"])
    if target.kind == "provider":
        p = site.providers[ref]
        if is_review_credit(text):
            return pick(key, [f"Revisado por: {p.name}", f"Revisão médica: {p.name} (CRM-SP {PERSON[ref][2]})"])
        return pick(key, [p.name, f"{p.name}, {p.title}", f"agende com {'a' if PERSON[ref][1] else 'o'} {p.name}"])
    if target.kind == "location":
        name = site.locations[ref].name
        return name if position == "Navigation" else pick(key, [name, f"como chegar à {name}"])
    if target.kind == "telehealth":
        return pick(key, ["telemedicina", "consulta por vídeo", "atendimento online"])
    return h1_of(site, target)


RULES = [
    ("/", "home"),
    ("/doencas/", "resource_hub"),
    ("/doencas/{condition}/", "condition"),
    ("/doencas/{condition}/sintomas/", "symptom"),
    ("/doencas/{condition}/diagnostico/", "diagnosis"),
    ("/doencas/{condition}/acompanhamento/", "follow_up"),
    ("/exames/*/", "test"),
    ("/tratamentos/*/", "treatment"),
    ("/agendar-consulta/{condition}/", "appointment"),
    ("/agende-sua-consulta/**", "appointment"),
    ("/especialidades/{specialty}/", "specialty_hub"),
    ("/servicos/*/", "service"),
    ("/corpo-clinico/dra-{provider}/", "provider"),
    ("/corpo-clinico/dr-{provider}/", "provider"),
    ("/unidades/{location}/", "location"),
    ("/telemedicina/", "telehealth"),
    ("/blog/arquivo/**", "other"),
    ("/blog/*/", "blog"),
    ("/para-pacientes/", "resource_hub"), ("/para-pacientes/preparo-para-exames/", "resource_hub"),
    ("/politica-de-privacidade/", "policy"), ("/aviso-legal/", "policy"), ("/quando-ir-ao-pronto-socorro/", "policy"),
    ("/politica-editorial/", "policy"),
]

SCHEME = Rework(
    name="portuguese", site_name=BRAND, base_url="https://www.clinicavidaplena.example",
    alias="https://clinicavidaplena.example", entities=entities, rules=RULES, locate=locate, title=title,
    anchor=anchor, seed=61, drop=lambda site: set(DROPPED),
    externals={"https://www.cdc.gov/chronic-disease/": "https://www.gov.br/saude/", "tel:+15555550100": "tel:+551130000000"},
    generic_anchors=["saiba mais", "clique aqui", "leia mais", "aqui", "veja mais", "acesse", "confira", "continue lendo"],
    not_found="Página não encontrada",
    comment="A Portuguese-only site: ids, names and synonyms are Portuguese, as the site writes them.",
)
SCHEMES[SCHEME.name] = SCHEME
