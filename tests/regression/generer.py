#!/usr/bin/env python3
"""Writes tests/regression/situations.json: 2,000 situations drawn at random
(fixed seed) in the situation format, complete or partial, for the
regression corpus of tests/regression.rs. The expected results are what
`guichet eval --mois 2026-11` gives for them (tests/regression/resultats.json);
regenerate both only when a change of figures is intended, and say why.

Usage: python3 tests/regression/generer.py > tests/regression/situations.json
"""
import json, random

rng = random.Random(2323)
COMMUNES = [("75056", "75011"), ("92012", "92100"), ("69123", "69003"), ("13055", "13001"),
            ("59350", "59000"), ("35238", "35000"), ("82121", "82000"), ("23096", "23000"),
            ("97411", "97400"), ("2A004", "20000"), (None, "75015"), (None, "13100"), (None, "99999")]
ACTIVITES = ["salarie", "salarie", "salarie", "independant", "chomeur", "etudiant", "retraite", "inactif"]
STATUTS = ["locataire", "locataire", "locataire_hlm", "locataire_meuble", "proprietaire", "heberge", "sans_domicile"]
MOIS = ["2026-11"] * 6 + ["2026-06", "2026-01", "2026-03", "2027-02"]


def argent(haut):
    return rng.choice([0, 0, rng.randint(1, haut), rng.randint(1, haut), round(rng.uniform(0, haut), 2)])


def personne(age):
    act = rng.choice(["retraite", "retraite", "inactif"]) if age >= 65 else rng.choice(ACTIVITES)
    p = {"age": age, "activite": act, "salaire_net": 0, "chomage_net": 0, "retraite_nette": 0,
         "handicap": False, "taux_incapacite": 0, "nationalite": rng.choice(["fr"] * 7 + ["ue", "hors_ue"])}
    if act in ("salarie", "independant") or (act == "etudiant" and rng.random() < 0.4):
        p["salaire_net"] = argent(3500)
    if act == "chomeur":
        p["chomage_net"] = argent(1800)
    if act == "retraite":
        p["retraite_nette"] = argent(2500)
    if rng.random() < 0.15:
        p["handicap"] = True
        p["taux_incapacite"] = rng.choice([50, 80, 80])
    for champ, proba in [("pension_invalidite", 0.05), ("titre_sejour_5_ans", 0.1), ("enceinte", 0.05),
                         ("boursier", 0.05), ("travail_5_ans_sur_10", 0.1), ("droit_au_sejour", 0.05)]:
        if rng.random() < proba:
            p[champ] = argent(900) if champ == "pension_invalidite" else rng.random() < 0.5
    return p


def situation():
    age = rng.choice(list(range(16, 30)) + list(range(25, 62)) * 2 + list(range(60, 99)))
    s = {"mois": rng.choice(MOIS), "demandeur": personne(age), "conjoint": None, "enfants": []}
    if rng.random() < 0.4:
        s["conjoint"] = personne(max(18, min(99, age + rng.randint(-8, 8))))
    if 18 <= age <= 60 and rng.random() < 0.55:
        for _ in range(rng.choice([1, 1, 2, 2, 3, 4, 6])):
            e = {"age": rng.randint(0, min(24, max(0, age - 16)))}
            if rng.random() < 0.1:
                e["handicap"] = True
                e["taux_incapacite"] = rng.choice([50, 80])
            if rng.random() < 0.3:
                e["scolarite"] = rng.choice(["aucune", "primaire", "college", "lycee", "superieur"])
            if rng.random() < 0.05:
                e["garde_alternee"] = True
            s["enfants"].append(e)
    statut = rng.choice(STATUTS)
    insee, cp = rng.choice(COMMUNES)
    log = {"statut": statut, "code_postal": cp}
    if insee:
        log["commune"] = insee
    if statut.startswith("locataire"):
        log["loyer"] = rng.randint(100, 1500)
        if rng.random() < 0.1:
            log["colocation"] = True
    s["logement"] = log
    if rng.random() < 0.3:
        s["foyer"] = {k: argent(v) for k, v in [("pension_alimentaire_recue", 400), ("epargne", 20000),
                      ("autres_revenus", 500), ("revenu_fiscal_reference", 40000)] if rng.random() < 0.6}
    return s


def oublier(s):
    """The same situation with some facts left out, as a dialogue sees it."""
    s = json.loads(json.dumps(s))
    for _ in range(rng.randint(1, 8)):
        cible = rng.choice(["racine", "demandeur", "conjoint", "logement", "enfant"])
        if cible == "racine":
            k = rng.choice(["conjoint", "enfants", "logement", "foyer", "mois", "demandeur"])
            s.pop(k, None)
            if k == "enfants" and rng.random() < 0.5:
                s["nombre_enfants"] = rng.randint(0, 3)
        elif cible == "enfant" and s.get("enfants"):
            e = rng.choice(s["enfants"])
            if e:
                e.pop(rng.choice(list(e)), None)
        elif isinstance(s.get(cible), dict) and s[cible]:
            s[cible].pop(rng.choice(list(s[cible])), None)
    return s


situations = []
for i in range(2000):
    s = situation()
    if i % 5 in (1, 2):
        s = oublier(s)
    if i % 97 == 0:
        s = {"couple": rng.random() < 0.5}
    situations.append(s)
print(json.dumps(situations, ensure_ascii=False, indent=0))
