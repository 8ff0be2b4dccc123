# ---------------- English ----------------
add("en-01", "How many members were active in March 2014?",
    "active members (at least one event of any action) from 2014-03-01 to 2014-03-31", sql_active('2014-03-01','2014-03-31'))
add("en-02", "Quick one: how many students did anything at all on the platform between 1 October and 31 December 2013?",
    "active members from 2013-10-01 to 2013-12-31 (Q4 2013), any action", sql_active('2013-10-01','2013-12-31'))
add("en-03", "How many assignments were submitted in November 2014?",
    "number of assignment_submitted events from 2014-11-01 to 2014-11-30", sql_events('assignment_submitted','2014-11-01','2014-11-30','assignment_submitted_events'))
add("en-04", "What's the total number of quiz answers we got in Q4 2013?",
    "number of quiz_answer events from 2013-10-01 to 2013-12-31", sql_events('quiz_answer','2013-10-01','2013-12-31','quiz_answer_events'))
add("en-05", "How many registrations were recorded between 1 Feb and 30 Apr 2014?",
    "number of registration events from 2014-02-01 to 2014-04-30 (end day included)", sql_events('registration','2014-02-01','2014-04-30','registration_events'))
add("en-06", "How many distinct students handed in at least one assignment in January 2015?",
    "active members doing assignment_submitted (distinct members) from 2015-01-01 to 2015-01-31", sql_members_action('assignment_submitted','2015-01-01','2015-01-31','members_submitting'))
add("en-07", "Can you compare active members in October 2013 with October 2014? I want both numbers.",
    "active members in 2013-10-01..2013-10-31 and in 2014-10-01..2014-10-31", sql_cmp_active('2013-10-01','2013-10-31','2014-10-01','2014-10-31','active_oct_2013','active_oct_2014'))
add("en-08", "Were there more assignment submissions in November 2013 or in November 2014? Give me the two counts.",
    "assignment_submitted events in 2013-11 vs 2014-11", sql_cmp_events('assignment_submitted','2013-11-01','2013-11-30','2014-11-01','2014-11-30','submissions_nov_2013','submissions_nov_2014'))
add("en-09", "How many members did we gain in October 2014 compared with September 2014?",
    "lifecycle gained (= new + resurrecting) for the month 2014-10, previous period = 2014-09", sql_lifecycle('2014-10-01','2014-10-31',['gained','new','resurrecting']), LC_NOTE.replace(" (for this month the previous window of the same length gives the same figure)", ""))
add("en-10", "How many members did we lose in December 2013, i.e. people active in November 2013 who didn't show up at all in December?",
    "lifecycle lost (= dormant) for 2013-12 with previous period 2013-11", sql_lifecycle('2013-12-01','2013-12-31',['lost']), LC_NOTE.replace(" (for this month the previous window of the same length gives the same figure)", ""))
add("en-11", "What was our activity rate in January 2015?",
    "activity rate for 2015-01-01..2015-01-31: active members / members who had joined by 2015-01-31", sql_rate('2015-01-01','2015-01-31'), RATE_NOTE)
add("en-12", "As of 31 December 2014, how many members have been inactive for at least 30 days?",
    "inactive members as of 2014-12-31, threshold 30 days (recency_days >= 30)", sql_inactive('2014-12-31',30), INACT_NOTE)
add("en-13", "How many students had been inactive for 8 weeks or more as of 15 March 2014?",
    "inactive members as of 2014-03-15 with a threshold of 56 days (8 weeks)", sql_inactive('2014-03-15',56), INACT_NOTE + " 8 weeks = 56 days.")
add("en-14", "Using a 90-day cut-off, how many members counted as inactive on 30 June 2014?",
    "inactive members as of 2014-06-30, threshold 90 days", sql_inactive('2014-06-30',90), INACT_NOTE)
add("en-15", "How many unregistrations did we have in calendar year 2013?",
    "number of unregistration events from 2013-01-01 to 2013-12-31", sql_events('unregistration','2013-01-01','2013-12-31','unregistration_events'))
add("en-16", "In the week from Monday 4 November to Sunday 10 November 2013, how many members were active?",
    "active members from 2013-11-04 to 2013-11-10 (ISO week 2013-W45)", sql_active('2013-11-04','2013-11-10'))
add("en-17", "How many returning members did we have in November 2014 - people active both in October 2014 and November 2014?",
    "lifecycle returning for 2014-11 with previous period 2014-10 (members active in both months)", sql_lifecycle('2014-11-01','2014-11-30',['returning']), LC_NOTE.replace(" (for this month the previous window of the same length gives the same figure)", ""))
add("en-18", "September 2014: how many people came back after a break? I mean active in September 2014, not active in August 2014, but active at some point before August.",
    "lifecycle resurrecting for 2014-09 with previous period 2014-08", sql_lifecycle('2014-09-01','2014-09-30',['resurrecting']), LC_NOTE.replace(" (for this month the previous window of the same length gives the same figure)", ""))
add("en-19", "How many brand new members showed up in August 2013 (first activity ever that month)?",
    "lifecycle new for 2013-08: members whose first event ever is in 2013-08-01..2013-08-31", sql_lifecycle('2013-08-01','2013-08-31',['new']), LC_NOTE)
add("en-20", "How many students answered at least one quiz in November 2013?",
    "distinct members with a quiz_answer event from 2013-11-01 to 2013-11-30", sql_members_action('quiz_answer','2013-11-01','2013-11-30','members_answering_quizzes'))
add("en-21", "Total number of events logged in 2014, all actions together?",
    "number of events of any action from 2014-01-01 to 2014-12-31", sql_all_events('2014-01-01','2014-12-31'))
add("en-22", "How did the number of active members in the first half of 2014 (January to June) compare with the second half (July to December 2014)?",
    "active members in 2014-01-01..2014-06-30 vs 2014-07-01..2014-12-31", sql_cmp_active('2014-01-01','2014-06-30','2014-07-01','2014-12-31','active_h1_2014','active_h2_2014'))
add("en-23", "As of 31 October 2014, with the usual 30-day inactivity threshold, how many inactive members fall in the long gone segment?",
    "inactive members as of 2014-10-31 (threshold 30) and, among them, the long_gone segment (first matching rule: not a one-timer, i.e. > 2 active days ever, and more than 90 days past the threshold)",
    sql_segment('2014-10-31',30,'long_gone'),
    INACT_NOTE + " Segments: first matching rule wins, one_timers (at most 2 active days ever, counted on or before D) is checked first; long_gone = recency_days - 30 > 90. recently_lapsed/fading cannot match members more than 90 days past, so long_gone = inactive, > 2 active days up to D, recency_days > 120.")
add("en-24", "Who should we try to win back as of 28 February 2015? Give me the top 10 inactive members (30-day threshold).",
    "win-back list as of 2015-02-28, threshold 30 days, top 10 by score; the checkable facts are the size of the inactive pool and that 10 members are listed",
    sql_inactive('2015-02-28',30).replace("SELECT COUNT(*) AS inactive_members", "SELECT COUNT(*) AS inactive_members, MIN(10, COUNT(*)) AS members_listed"),
    INACT_NOTE + " Only the pool size and list length are asserted, not the ranking.")
add("en-25", "How many students were active on at least 2 different days in November 2013?",
    "members with >= 2 distinct active days in 2013-11-01..2013-11-30 (stickiness)", sql_min_days('2013-11-01','2013-11-30',2))
add("en-26", "Of the members whose first activity was in October 2014, how many were still active in November 2014?",
    "cohort of members first active in 2014-10; how many of them had any event in 2014-11", sql_cohort('2014-10-01','2014-10-31','2014-11-01','2014-11-30'))
add("en-27", "How many members went dormant in February 2014 (active in January 2014 but not in February 2014)?",
    "lifecycle dormant for 2014-02 with previous period 2014-01", sql_lifecycle('2014-02-01','2014-02-28',['dormant']), LC_NOTE.replace(" (for this month the previous window of the same length gives the same figure)", ""))
add("en-28", "As of 1 July 2015, how many members would count as inactive if the threshold is 365 days?",
    "inactive members as of 2015-07-01, threshold 365 days", sql_inactive('2015-07-01',365), INACT_NOTE)
add("en-29", "how many assignment submissions between 15 January and 15 February 2015, both days included?",
    "assignment_submitted events from 2015-01-15 to 2015-02-15", sql_events('assignment_submitted','2015-01-15','2015-02-15','assignment_submitted_events'))
add("en-30", "Active members in Q3 2014 vs Q3 2013 - what are the two figures?",
    "active members in 2014-07-01..2014-09-30 and in 2013-07-01..2013-09-30", sql_cmp_active('2014-07-01','2014-09-30','2013-07-01','2013-09-30','active_q3_2014','active_q3_2013'))

# ---------------- French ----------------
add("fr-01", "Combien de membres actifs en novembre 2013 ?",
    "membres actifs du 2013-11-01 au 2013-11-30", sql_active('2013-11-01','2013-11-30'))
add("fr-02", "Combien de devoirs ont été rendus au premier trimestre 2014 ?",
    "nombre d'événements assignment_submitted du 2014-01-01 au 2014-03-31", sql_events('assignment_submitted','2014-01-01','2014-03-31','assignment_submitted_events'))
add("fr-03", "On a eu combien d'inscriptions entre le 1er juin et le 31 août 2014 ?",
    "nombre d'événements registration du 2014-06-01 au 2014-08-31", sql_events('registration','2014-06-01','2014-08-31','registration_events'))
add("fr-04", "Combien d'étudiants ont répondu à au moins un quiz en janvier 2014 ?",
    "membres distincts ayant un quiz_answer du 2014-01-01 au 2014-01-31", sql_members_action('quiz_answer','2014-01-01','2014-01-31','members_answering_quizzes'))
add("fr-05", "Au 31 janvier 2014, combien de membres sont inactifs depuis au moins 30 jours ?",
    "membres inactifs au 2014-01-31, seuil 30 jours", sql_inactive('2014-01-31',30), INACT_NOTE)
add("fr-06", "Fin avril 2014, combien d'apprenants n'avaient eu aucune activité depuis 6 semaines ou plus ?",
    "membres inactifs au 2014-04-30, seuil 42 jours (6 semaines)", sql_inactive('2014-04-30',42), INACT_NOTE + " 6 semaines = 42 jours; 'fin avril' = 30 avril.")
add("fr-07", "Tu peux me comparer le nombre de membres actifs en janvier 2014 et en janvier 2015 ?",
    "membres actifs 2014-01-01..2014-01-31 et 2015-01-01..2015-01-31", sql_cmp_active('2014-01-01','2014-01-31','2015-01-01','2015-01-31','active_jan_2014','active_jan_2015'))
add("fr-08", "En novembre 2014, combien de membres gagnés et combien de perdus par rapport à octobre 2014 ?",
    "cycle de vie pour 2014-11, période précédente 2014-10 : gained = new + resurrecting, lost = dormant", sql_lifecycle('2014-11-01','2014-11-30',['gained','lost']), LC_NOTE.replace(" (for this month the previous window of the same length gives the same figure)", ""))
add("fr-09", "Quel était le taux d'activité en octobre 2014 ?",
    "taux d'activité 2014-10-01..2014-10-31 : actifs / membres inscrits (arrivés) au 2014-10-31", sql_rate('2014-10-01','2014-10-31'), RATE_NOTE)
add("fr-10", "Combien de nouveaux membres (première activité) en septembre 2013 ?",
    "cycle de vie new pour 2013-09 : première activité entre le 2013-09-01 et le 2013-09-30", sql_lifecycle('2013-09-01','2013-09-30',['new']), LC_NOTE.replace("(for this month the previous window of the same length gives the same figure)", "('new' does not depend on the period before)"))
add("fr-11", "Sur la semaine du lundi 13 au dimanche 19 octobre 2014, combien de membres ont été actifs ?",
    "membres actifs du 2014-10-13 au 2014-10-19 (semaine ISO 2014-W42)", sql_active('2014-10-13','2014-10-19'))
add("fr-12", "Combien de réponses aux quiz entre le 1er et le 31 décembre 2013 ?",
    "nombre d'événements quiz_answer du 2013-12-01 au 2013-12-31", sql_events('quiz_answer','2013-12-01','2013-12-31','quiz_answer_events'))
add("fr-13", "Au 30 septembre 2014, avec un seuil d'inactivité de 60 jours, combien de membres sont inactifs ?",
    "membres inactifs au 2014-09-30, seuil 60 jours", sql_inactive('2014-09-30',60), INACT_NOTE)
add("fr-14", "Combien de membres sont revenus en octobre 2013 après avoir été absents en septembre 2013 (actifs avant, pas en septembre, de nouveau en octobre) ?",
    "cycle de vie resurrecting pour 2013-10, période précédente 2013-09", sql_lifecycle('2013-10-01','2013-10-31',['resurrecting']), LC_NOTE.replace(" (for this month the previous window of the same length gives the same figure)", ""))
add("fr-15", "Nombre total d'événements sur l'année 2013, toutes actions confondues ?",
    "nombre d'événements (toutes actions) du 2013-01-01 au 2013-12-31", sql_all_events('2013-01-01','2013-12-31'))
add("fr-16", "Combien d'étudiants différents ont rendu au moins un devoir au T4 2014 ?",
    "membres distincts avec assignment_submitted du 2014-10-01 au 2014-12-31", sql_members_action('assignment_submitted','2014-10-01','2014-12-31','members_submitting'))
add("fr-17", "Il y a eu combien de désinscriptions en 2014 ?",
    "nombre d'événements unregistration du 2014-01-01 au 2014-12-31", sql_events('unregistration','2014-01-01','2014-12-31','unregistration_events'))
add("fr-18", "Au 31 décembre 2013, parmi les membres inactifs (seuil de 30 jours), combien sont des one-timers ?",
    "membres inactifs au 2013-12-31 (seuil 30) et, parmi eux, le segment one_timers (au plus 2 jours d'activité jusqu'au 31/12/2013)", sql_segment('2013-12-31',30,'one_timers'),
    INACT_NOTE + " one_timers = at most 2 distinct active days 'ever', counted on or before D (events after D are ignored).")
add("fr-19", "Combien de membres étaient actifs à la fois en décembre 2014 et en janvier 2015 ?",
    "cycle de vie returning pour 2015-01, période précédente 2014-12 (actifs dans les deux mois)", sql_lifecycle('2015-01-01','2015-01-31',['returning']), LC_NOTE)
add("fr-20", "Je voudrais comparer les devoirs rendus en janvier 2014 et en janvier 2015, tu me donnes les deux chiffres ?",
    "événements assignment_submitted 2014-01 vs 2015-01", sql_cmp_events('assignment_submitted','2014-01-01','2014-01-31','2015-01-01','2015-01-31','submissions_jan_2014','submissions_jan_2015'))

# ---------------- Italian ----------------
add("it-01", "Quanti membri attivi nel mese di ottobre 2014?",
    "membri attivi dal 2014-10-01 al 2014-10-31", sql_active('2014-10-01','2014-10-31'))
add("it-02", "Quanti compiti sono stati consegnati a gennaio 2014?",
    "numero di eventi assignment_submitted dal 2014-01-01 al 2014-01-31", sql_events('assignment_submitted','2014-01-01','2014-01-31','assignment_submitted_events'))
add("it-03", "Quante iscrizioni abbiamo avuto tra il 1° luglio e il 30 settembre 2013?",
    "numero di eventi registration dal 2013-07-01 al 2013-09-30", sql_events('registration','2013-07-01','2013-09-30','registration_events'))
add("it-04", "Al 15 dicembre 2013, quanti membri risultano inattivi da almeno 30 giorni?",
    "membri inattivi al 2013-12-15, soglia 30 giorni", sql_inactive('2013-12-15',30), INACT_NOTE)
add("it-05", "Al 30 novembre 2014 quanti studenti non hanno alcuna attività da almeno 4 settimane?",
    "membri inattivi al 2014-11-30, soglia 28 giorni (4 settimane)", sql_inactive('2014-11-30',28), INACT_NOTE + " 4 settimane = 28 giorni.")
add("it-06", "Mi confronti i membri attivi del quarto trimestre 2013 con quelli del quarto trimestre 2014?",
    "membri attivi 2013-10-01..2013-12-31 e 2014-10-01..2014-12-31", sql_cmp_active('2013-10-01','2013-12-31','2014-10-01','2014-12-31','active_q4_2013','active_q4_2014'))
add("it-07", "Quanti nuovi membri sono arrivati a maggio 2014 (prima attività in assoluto)?",
    "ciclo di vita new per 2014-05: prima attività tra 2014-05-01 e 2014-05-31", sql_lifecycle('2014-05-01','2014-05-31',['new']), LC_NOTE)
add("it-08", "Quanti membri abbiamo perso a febbraio 2015 rispetto a gennaio 2015?",
    "ciclo di vita lost (= dormant) per 2015-02, periodo precedente 2015-01", sql_lifecycle('2015-02-01','2015-02-28',['lost']), LC_NOTE.replace(" (for this month the previous window of the same length gives the same figure)", ""))
add("it-09", "Qual è stato il tasso di attività nel mese di novembre 2013?",
    "tasso di attività 2013-11-01..2013-11-30: attivi / membri arrivati entro il 2013-11-30", sql_rate('2013-11-01','2013-11-30'), RATE_NOTE)
add("it-10", "Quanti studenti hanno consegnato almeno un compito nella settimana da lunedì 12 a domenica 18 gennaio 2015?",
    "membri distinti con assignment_submitted dal 2015-01-12 al 2015-01-18 (settimana ISO 2015-W03)", sql_members_action('assignment_submitted','2015-01-12','2015-01-18','members_submitting'))
