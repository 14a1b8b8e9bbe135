<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
  <context>
    <name>App</name>
    <message>
      <source>Something went wrong inside ketajournal ({kind} at {where}).

Everything you saved before is safe: each entry is written when you log it. This report contains no journal content.</source>
      <translation>In ketajournal ist ein Fehler aufgetreten ({kind} bei {where}).

Alles, was Sie vorher gespeichert haben, ist sicher: Jeder Eintrag wird geschrieben, sobald Sie ihn erfassen. Dieser Bericht enthält keine Inhalte aus Ihrem Tagebuch.</translation>
    </message>
    <message>
      <source>{app} cannot open your journal</source>
      <translation>{app} kann Ihr Tagebuch nicht öffnen</translation>
    </message>
    <message>
      <source>{app}: unexpected error</source>
      <translation>{app}: unerwarteter Fehler</translation>
    </message>
  </context>
  <context>
    <name>Appointment</name>
    <message>
      <source>Add a &amp;year-in-pixels page</source>
      <translation>Seite „&amp;Jahr in Pixeln“ hinzufügen</translation>
    </message>
    <message>
      <source>Add a year-in-pixels page to the PDF: one square per day coloured by mood</source>
      <translation>Dem PDF eine Seite „Jahr in Pixeln“ hinzufügen: ein Quadrat pro Tag, nach Stimmung gefärbt</translation>
    </message>
    <message>
      <source>Appointment message</source>
      <translation>Hinweis zum Termin</translation>
    </message>
    <message>
      <source>E&amp;xport PDF for my clinician…</source>
      <translation>PDF für meine Behandelnden e&amp;xportieren…</translation>
    </message>
    <message>
      <source>Export failed</source>
      <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
      <source>Export the clinician PDF</source>
      <translation>Das PDF für Behandelnde exportieren</translation>
    </message>
    <message>
      <source>First day of the period</source>
      <translation>Erster Tag des Zeitraums</translation>
    </message>
    <message>
      <source>Fr&amp;om</source>
      <translation>V&amp;on</translation>
    </message>
    <message>
      <source>Include my &amp;notes in the PDF</source>
      <translation>Meine &amp;Notizen ins PDF aufnehmen</translation>
    </message>
    <message>
      <source>Include my notes in the PDF</source>
      <translation>Meine Notizen ins PDF aufnehmen</translation>
    </message>
    <message>
      <source>Last day of the period</source>
      <translation>Letzter Tag des Zeitraums</translation>
    </message>
    <message>
      <source>One page per calendar year of the period: every day's mean mood as a coloured square, sessions ringed.</source>
      <translation>Eine Seite pro Kalenderjahr des Zeitraums: die mittlere Stimmung jedes Tages als farbiges Quadrat, Sitzungen umkreist.</translation>
    </message>
    <message>
      <source>Open the PDF when it is written</source>
      <translation>Das PDF öffnen, sobald es geschrieben ist</translation>
    </message>
    <message>
      <source>Open when &amp;done</source>
      <translation>Danach ö&amp;ffnen</translation>
    </message>
    <message>
      <source>Optional name for the report</source>
      <translation>Optionaler Name für den Bericht</translation>
    </message>
    <message>
      <source>Optional name printed on the report</source>
      <translation>Optionaler Name, der auf dem Bericht steht</translation>
    </message>
    <message>
      <source>PDF (*.pdf)</source>
      <translation>PDF (*.pdf)</translation>
    </message>
    <message>
      <source>Period:</source>
      <translation>Zeitraum:</translation>
    </message>
    <message>
      <source>Period: chosen dates</source>
      <translation>Zeitraum: gewählte Daten</translation>
    </message>
    <message>
      <source>Period: since the last appointment</source>
      <translation>Zeitraum: seit dem letzten Termin</translation>
    </message>
    <message>
      <source>Since the last &amp;appointment</source>
      <translation>Seit dem &amp;letzten Termin</translation>
    </message>
    <message>
      <source>Summary for the appointment</source>
      <translation>Zusammenfassung für den Termin</translation>
    </message>
    <message>
      <source>Writing the PDF…</source>
      <translation>Das PDF wird geschrieben…</translation>
    </message>
    <message numerus="yes">
      <source>Wrote a PDF of %n page(s): {name}.</source>
      <translation>
        <numerusform>PDF mit %n Seite geschrieben: {name}.</numerusform>
        <numerusform>PDF mit %n Seiten geschrieben: {name}.</numerusform>
      </translation>
    </message>
    <message>
      <source>to</source>
      <translation>bis</translation>
    </message>
  </context>
  <context>
    <name>Boosters</name>
    <message>
      <source>&amp;Automatic</source>
      <translation>Automat&amp;isch</translation>
    </message>
    <message>
      <source>&amp;Cycles, newest first:</source>
      <translation>&amp;Zyklen, neueste zuerst:</translation>
    </message>
    <message>
      <source>. Needs {needs}.</source>
      <translation>. Benötigt {needs}.</translation>
    </message>
    <message>
      <source>A question for your clinician: is the next booster due around {day}? ({basis})</source>
      <translation>Eine Frage an Ihre Behandlerin oder Ihren Behandler: Ist der nächste Booster um den {day} fällig? ({basis})</translation>
    </message>
    <message>
      <source>Adds a planned session on that date (at the time of your last session), noted as a question for your clinician. Edit → Undo takes it back.</source>
      <translation>Plant an diesem Tag eine Sitzung ein (zur Uhrzeit Ihrer letzten Sitzung), vermerkt als Frage an Ihre Behandlerin oder Ihren Behandler. Bearbeiten → Rückgängig nimmt sie zurück.</translation>
    </message>
    <message>
      <source>Appl&amp;y</source>
      <translation>Über&amp;nehmen</translation>
    </message>
    <message>
      <source>Apply threshold</source>
      <translation>Schwelle übernehmen</translation>
    </message>
    <message>
      <source>Automatic threshold</source>
      <translation>Automatische Schwelle</translation>
    </message>
    <message>
      <source>Booster cycles</source>
      <translation>Booster-Zyklen</translation>
    </message>
    <message>
      <source>Change the threshold T</source>
      <translation>Schwelle T ändern</translation>
    </message>
    <message>
      <source>Choose an automatic threshold or set your own ({low}–{high})</source>
      <translation>Eine automatische Schwelle wählen oder eine eigene festlegen ({low}–{high})</translation>
    </message>
    <message>
      <source>Daily mood {low}–{high} ({high} = best) that counts as still holding</source>
      <translation>Tagesstimmung {low}–{high} ({high} = am besten), ab der die Wirkung noch als anhaltend gilt</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Datum</translation>
    </message>
    <message>
      <source>Definitions</source>
      <translation>Definitionen</translation>
    </message>
    <message>
      <source>Dose (mg)</source>
      <translation>Dosis (mg)</translation>
    </message>
    <message>
      <source>Held</source>
      <translation>Gehalten</translation>
    </message>
    <message>
      <source>How these numbers are computed.</source>
      <translation>So werden diese Zahlen berechnet.</translation>
    </message>
    <message>
      <source>Medication change</source>
      <translation>Medikamentenänderung</translation>
    </message>
    <message>
      <source>Next booster</source>
      <translation>Nächster Booster</translation>
    </message>
    <message>
      <source>Next booster: no estimate yet. {basis}</source>
      <translation>Nächster Booster: noch keine Schätzung. {basis}</translation>
    </message>
    <message>
      <source>One row per session, newest first: date, phase, dose, how many days the effect held (durability) and any medication change during the cycle.</source>
      <translation>Eine Zeile pro Sitzung, neueste zuerst: Datum, Phase, Dosis, wie viele Tage die Wirkung anhielt (Haltedauer) und jede Medikamentenänderung im Zyklus.</translation>
    </message>
    <message>
      <source>Phase</source>
      <translation>Phase</translation>
    </message>
    <message>
      <source>Plan &amp;it</source>
      <translation>&amp;Planen</translation>
    </message>
    <message>
      <source>Plan the next booster on the estimated date</source>
      <translation>Den nächsten Booster am geschätzten Datum planen</translation>
    </message>
    <message>
      <source>Planned for {day}, {time}: see Plan (Edit → Undo takes it back).</source>
      <translation>Geplant für {day}, {time}: siehe Plan (Bearbeiten → Rückgängig nimmt es zurück).</translation>
    </message>
    <message>
      <source>Planned from the estimate</source>
      <translation>Nach der Schätzung geplant</translation>
    </message>
    <message>
      <source>T = B + (P − B) / 2, from your own mood entries</source>
      <translation>T = B + (P − B) / 2, aus Ihren eigenen Stimmungseinträgen</translation>
    </message>
    <message>
      <source>The estimated date for the next booster, {day}, is already past. A question for your clinician. ({basis})</source>
      <translation>Das geschätzte Datum für den nächsten Booster, {day}, ist bereits vorbei. Eine Frage an Ihre Behandlerin oder Ihren Behandler. ({basis})</translation>
    </message>
    <message>
      <source>Thre&amp;shold…</source>
      <translation>&amp;Schwelle…</translation>
    </message>
    <message>
      <source>Threshold</source>
      <translation>Schwelle</translation>
    </message>
    <message>
      <source>Threshold T = {t} (automatic: B + (P − B) / 2, B = {b}, P = {p})</source>
      <translation>Schwelle T = {t} (automatisch: B + (P − B) / 2, B = {b}, P = {p})</translation>
    </message>
    <message>
      <source>Threshold T = {t} (set by you)</source>
      <translation>Schwelle T = {t} (von Ihnen festgelegt)</translation>
    </message>
    <message>
      <source>Threshold T, daily mood from {low} to {high}</source>
      <translation>Schwelle T, Tagesstimmung von {low} bis {high}</translation>
    </message>
    <message>
      <source>Threshold T: not available yet. Needs {needs}.</source>
      <translation>Schwelle T: noch nicht verfügbar. Benötigt {needs}.</translation>
    </message>
    <message>
      <source>Threshold editor</source>
      <translation>Schwelle bearbeiten</translation>
    </message>
    <message>
      <source>Threshold error</source>
      <translation>Fehler bei der Schwelle</translation>
    </message>
    <message>
      <source>Tolerance</source>
      <translation>Toleranz</translation>
    </message>
    <message>
      <source>a threshold</source>
      <translation>eine Schwelle</translation>
    </message>
    <message>
      <source>or T =</source>
      <translation>oder T =</translation>
    </message>
  </context>
  <context>
    <name>BoostersChart</name>
    <message>
      <source>Booster cycle (older: fainter)</source>
      <translation>Booster-Zyklus (ältere: blasser)</translation>
    </message>
    <message>
      <source>Booster response curves chart</source>
      <translation>Diagramm der Booster-Verläufe</translation>
    </message>
    <message>
      <source>Daily mood (0–10, 10 = best)</source>
      <translation>Tagesstimmung (0–10, 10 = beste)</translation>
    </message>
    <message>
      <source>Daily mood on each day after a session, one line per cycle: each booster cycle a thin solid line, the induction series a dotted line, older cycles fainter; the median of the booster cycles a bold solid line, and the threshold T a dashed level line marked T.</source>
      <translation>Tagesstimmung an jedem Tag nach einer Sitzung, eine Linie pro Zyklus: jeder Booster-Zyklus eine dünne durchgezogene Linie, die Induktionsserie eine gepunktete Linie, ältere Zyklen blasser; der Median der Booster-Zyklen eine kräftige durchgezogene Linie und die Schwelle T eine gestrichelte waagerechte Linie mit der Marke T.</translation>
    </message>
    <message>
      <source>Days after the session</source>
      <translation>Tage nach der Sitzung</translation>
    </message>
    <message>
      <source>Induction cycle</source>
      <translation>Induktionszyklus</translation>
    </message>
    <message>
      <source>Median of booster cycles</source>
      <translation>Median der Booster-Zyklen</translation>
    </message>
    <message>
      <source>Median of booster cycles — day {day}: mood {score}</source>
      <translation>Median der Booster-Zyklen — Tag {day}: Stimmung {score}</translation>
    </message>
    <message>
      <source>Threshold T</source>
      <translation>Schwelle T</translation>
    </message>
    <message>
      <source>{cycle} — day {day}: daily mood {score}</source>
      <translation>{cycle} — Tag {day}: Tagesstimmung {score}</translation>
    </message>
  </context>
  <context>
    <name>Controller</name>
    <message>
      <source>Delete event</source>
      <translation>Ereignis löschen</translation>
    </message>
    <message>
      <source>Delete mood</source>
      <translation>Stimmung löschen</translation>
    </message>
    <message>
      <source>Delete questionnaire</source>
      <translation>Fragebogen löschen</translation>
    </message>
    <message>
      <source>Delete session</source>
      <translation>Sitzung löschen</translation>
    </message>
    <message>
      <source>Delete side effect</source>
      <translation>Nebenwirkung löschen</translation>
    </message>
    <message>
      <source>Edit event</source>
      <translation>Ereignis ändern</translation>
    </message>
    <message>
      <source>Edit mood</source>
      <translation>Stimmung ändern</translation>
    </message>
    <message>
      <source>Edit questionnaire</source>
      <translation>Fragebogen ändern</translation>
    </message>
    <message>
      <source>Edit session</source>
      <translation>Sitzung ändern</translation>
    </message>
    <message>
      <source>Edit side effect</source>
      <translation>Nebenwirkung ändern</translation>
    </message>
    <message>
      <source>Log event</source>
      <translation>Ereignis erfassen</translation>
    </message>
    <message>
      <source>Log mood</source>
      <translation>Stimmung erfassen</translation>
    </message>
    <message>
      <source>Log questionnaire</source>
      <translation>Fragebogen erfassen</translation>
    </message>
    <message>
      <source>Log session</source>
      <translation>Sitzung erfassen</translation>
    </message>
    <message>
      <source>Log side effect</source>
      <translation>Nebenwirkung erfassen</translation>
    </message>
  </context>
  <context>
    <name>Dialogs</name>
    <message>
      <source>&amp;Anxiety</source>
      <translation>&amp;Angst</translation>
    </message>
    <message>
      <source>&amp;Clinic</source>
      <translation>&amp;Klinik</translation>
    </message>
    <message>
      <source>&amp;Dose</source>
      <translation>&amp;Dosis</translation>
    </message>
    <message>
      <source>&amp;Duration</source>
      <translation>Da&amp;uer</translation>
    </message>
    <message>
      <source>&amp;Energy</source>
      <translation>&amp;Energie</translation>
    </message>
    <message>
      <source>&amp;Heart rate</source>
      <translation>&amp;Herzfrequenz</translation>
    </message>
    <message>
      <source>&amp;Kind</source>
      <translation>&amp;Art</translation>
    </message>
    <message>
      <source>&amp;Mood</source>
      <translation>S&amp;timmung</translation>
    </message>
    <message>
      <source>&amp;Note</source>
      <translation>&amp;Notiz</translation>
    </message>
    <message>
      <source>&amp;Other</source>
      <translation>&amp;Sonstiges</translation>
    </message>
    <message>
      <source>&amp;Phase</source>
      <translation>&amp;Phase</translation>
    </message>
    <message>
      <source>&amp;Route</source>
      <translation>&amp;Verabreichung</translation>
    </message>
    <message>
      <source>&amp;Side effect</source>
      <translation>Ne&amp;benwirkung</translation>
    </message>
    <message>
      <source>&amp;Sleep (hours)</source>
      <translation>&amp;Schlaf (Stunden)</translation>
    </message>
    <message>
      <source>&amp;When</source>
      <translation>&amp;Wann</translation>
    </message>
    <message>
      <source>After s&amp;ession</source>
      <translation>Nach Sit&amp;zung</translation>
    </message>
    <message>
      <source>Anxiety</source>
      <translation>Angst</translation>
    </message>
    <message>
      <source>Blood pressure &amp;after (~40 min)</source>
      <translation>Blutdruck dan&amp;ach (~40 min)</translation>
    </message>
    <message>
      <source>Blood pressure &amp;before</source>
      <translation>Blutdruck vorhe&amp;r</translation>
    </message>
    <message>
      <source>Blood pressure after</source>
      <translation>Blutdruck nachher</translation>
    </message>
    <message>
      <source>Blood pressure before</source>
      <translation>Blutdruck vorher</translation>
    </message>
    <message>
      <source>Blood pressure before &amp;leaving</source>
      <translation>Blutdruck vor dem Geh&amp;en</translation>
    </message>
    <message>
      <source>Blood pressure before leaving</source>
      <translation>Blutdruck vor dem Gehen</translation>
    </message>
    <message>
      <source>Body wei&amp;ght</source>
      <translation>Körper&amp;gewicht</translation>
    </message>
    <message>
      <source>Body weight in kilograms</source>
      <translation>Körpergewicht in Kilogramm</translation>
    </message>
    <message>
      <source>Clinic</source>
      <translation>Klinik</translation>
    </message>
    <message>
      <source>Clinic's sedation rating (&amp;MOAA/S, 0–5)</source>
      <translation>Sedierungsgrad der Klinik (&amp;MOAA/S, 0–5)</translation>
    </message>
    <message>
      <source>D&amp;issociation</source>
      <translation>D&amp;issoziation</translation>
    </message>
    <message>
      <source>Dissociation</source>
      <translation>Dissoziation</translation>
    </message>
    <message>
      <source>Dose in milligrams</source>
      <translation>Dosis in Milligramm</translation>
    </message>
    <message>
      <source>Dose per kilogram</source>
      <translation>Dosis pro Kilogramm</translation>
    </message>
    <message>
      <source>Duration in minutes</source>
      <translation>Dauer in Minuten</translation>
    </message>
    <message>
      <source>Energy</source>
      <translation>Energie</translation>
    </message>
    <message>
      <source>Error message</source>
      <translation>Fehlermeldung</translation>
    </message>
    <message>
      <source>Event</source>
      <translation>Ereignis</translation>
    </message>
    <message>
      <source>Heart rate in beats per minute</source>
      <translation>Herzfrequenz in Schlägen pro Minute</translation>
    </message>
    <message>
      <source>Kind of event</source>
      <translation>Art des Ereignisses</translation>
    </message>
    <message>
      <source>Minutes of observation until ready to leave</source>
      <translation>Minuten der Nachbeobachtung bis zur Entlassung</translation>
    </message>
    <message>
      <source>Mood</source>
      <translation>Stimmung</translation>
    </message>
    <message>
      <source>Not linked to a session</source>
      <translation>Keiner Sitzung zugeordnet</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Notiz</translation>
    </message>
    <message>
      <source>Ob&amp;servation until ready to leave</source>
      <translation>&amp;Beobachtung bis zur Entlassung</translation>
    </message>
    <message>
      <source>Optional note (private; only in reports if you choose)</source>
      <translation>Optionale Notiz (privat; nur in Berichten, wenn Sie es wählen)</translation>
    </message>
    <message>
      <source>Oxygen saturation in percent</source>
      <translation>Sauerstoffsättigung in Prozent</translation>
    </message>
    <message>
      <source>Phase</source>
      <translation>Phase</translation>
    </message>
    <message>
      <source>Red flag warning</source>
      <translation>Warnzeichen</translation>
    </message>
    <message>
      <source>Restored draft</source>
      <translation>Wiederhergestellter Entwurf</translation>
    </message>
    <message>
      <source>Restored what you typed on {when}. It is not saved yet: Save keeps it, Cancel discards it.</source>
      <translation>Wiederhergestellt, was Sie am {when} eingegeben haben. Es ist noch nicht gespeichert: Speichern behält es, Abbrechen verwirft es.</translation>
    </message>
    <message>
      <source>Route</source>
      <translation>Verabreichung</translation>
    </message>
    <message>
      <source>Se&amp;verity</source>
      <translation>Schwere&amp;grad</translation>
    </message>
    <message>
      <source>Session it follows</source>
      <translation>Zugehörige Sitzung</translation>
    </message>
    <message>
      <source>Severity</source>
      <translation>Schweregrad</translation>
    </message>
    <message>
      <source>Side effect</source>
      <translation>Nebenwirkung</translation>
    </message>
    <message>
      <source>Sleep in hours</source>
      <translation>Schlaf in Stunden</translation>
    </message>
    <message>
      <source>Sp&amp;O₂</source>
      <translation>Sp&amp;O₂</translation>
    </message>
    <message>
      <source>The clinic's sedation rating, MOAA/S, 0 no response to 5 alert</source>
      <translation>Sedierungsbewertung der Klinik, MOAA/S, 0 keine Reaktion bis 5 wach</translation>
    </message>
    <message>
      <source>Treatment session</source>
      <translation>Behandlungssitzung</translation>
    </message>
    <message>
      <source>What it was (for Other)</source>
      <translation>Was es war (bei Sonstiges)</translation>
    </message>
    <message>
      <source>What was it?</source>
      <translation>Was war es?</translation>
    </message>
    <message>
      <source>When</source>
      <translation>Wann</translation>
    </message>
    <message>
      <source>best</source>
      <translation>am besten</translation>
    </message>
    <message>
      <source>most</source>
      <translation>am meisten</translation>
    </message>
    <message>
      <source>none</source>
      <translation>keine</translation>
    </message>
    <message>
      <source>worst</source>
      <translation>am schlimmsten</translation>
    </message>
  </context>
  <context>
    <name>Factors</name>
    <message>
      <source>&amp;Save today's values</source>
      <translation>Heutige Werte &amp;speichern</translation>
    </message>
    <message>
      <source>0 to 10</source>
      <translation>0 bis 10</translation>
    </message>
    <message>
      <source>95 % interval</source>
      <translation>95-%-Intervall</translation>
    </message>
    <message>
      <source>Compared</source>
      <translation>Verglichen</translation>
    </message>
    <message>
      <source>Days with vs without</source>
      <translation>Tage mit / ohne</translation>
    </message>
    <message>
      <source>Difference</source>
      <translation>Unterschied</translation>
    </message>
    <message>
      <source>Factors compared, strongest evidence first</source>
      <translation>Verglichene Faktoren, stärkste Evidenz zuerst</translation>
    </message>
    <message>
      <source>Follo&amp;w</source>
      <translation>Verfol&amp;gen</translation>
    </message>
    <message>
      <source>How the new factor is rated</source>
      <translation>Wie der neue Faktor bewertet wird</translation>
    </message>
    <message>
      <source>Mood on days with and without each factor, compared only between days the same time after a session. Strongest evidence first. These are associations, not proof of a cause.</source>
      <translation>Stimmung an Tagen mit und ohne jeden Faktor, nur zwischen Tagen mit gleichem Abstand zu einer Sitzung verglichen. Stärkste Evidenz zuerst. Das sind Zusammenhänge, kein Beweis für eine Ursache.</translation>
    </message>
    <message>
      <source>Name of a new factor</source>
      <translation>Name eines neuen Faktors</translation>
    </message>
    <message>
      <source>Saved today's values.</source>
      <translation>Heutige Werte gespeichert.</translation>
    </message>
    <message>
      <source>What the selected comparison says</source>
      <translation>Was der gewählte Vergleich aussagt</translation>
    </message>
    <message>
      <source>Your factors: today's values</source>
      <translation>Ihre Faktoren: heutige Werte</translation>
    </message>
    <message>
      <source>e.g. alcohol, exercise, therapy homework</source>
      <translation>z. B. Alkohol, Sport, Therapie-Hausaufgaben</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>ja</translation>
    </message>
    <message>
      <source>yes or no</source>
      <translation>ja oder nein</translation>
    </message>
    <message>
      <source>{factor} today</source>
      <translation>{factor} heute</translation>
    </message>
    <message>
      <source>{factor} today (0 to 10)</source>
      <translation>{factor} heute (0 bis 10)</translation>
    </message>
    <message>
      <source>{low} to {high}</source>
      <translation>{low} bis {high}</translation>
    </message>
    <message>
      <source>{with_factor} vs {without}</source>
      <translation>{with_factor} zu {without}</translation>
    </message>
  </context>
  <context>
    <name>Fields</name>
    <message>
      <source>enter both systolic and diastolic, or neither</source>
      <translation>bitte beide Werte eingeben, systolisch und diastolisch, oder keinen</translation>
    </message>
    <message>
      <source>not recorded</source>
      <translation>nicht erfasst</translation>
    </message>
    <message>
      <source>{name} diastolic (mmHg)</source>
      <translation>{name} diastolisch (mmHg)</translation>
    </message>
    <message>
      <source>{name} systolic (mmHg)</source>
      <translation>{name} systolisch (mmHg)</translation>
    </message>
    <message>
      <source>{name}, {bottom} {low} to {top} {high}</source>
      <translation>{name}, {bottom} {low} bis {top} {high}</translation>
    </message>
  </context>
  <context>
    <name>Import</name>
    <message>
      <source>&amp;Date column</source>
      <translation>Dat&amp;umsspalte</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>&amp;Datei</translation>
    </message>
    <message>
      <source>&amp;Import</source>
      <translation>I&amp;mportieren</translation>
    </message>
    <message>
      <source>&amp;Mood column</source>
      <translation>St&amp;immungsspalte</translation>
    </message>
    <message>
      <source>&amp;Preview</source>
      <translation>&amp;Vorschau</translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>(keine)</translation>
    </message>
    <message>
      <source>C&amp;hoose…</source>
      <translation>&amp;Auswählen…</translation>
    </message>
    <message>
      <source>CSV files (*.csv *.txt)</source>
      <translation>CSV-Dateien (*.csv *.txt)</translation>
    </message>
    <message numerus="yes">
      <source>Choose a score for %n mood label(s) first.</source>
      <translation>
        <numerusform>Wählen Sie zuerst einen Wert für %n Stimmungsbezeichnung.</numerusform>
        <numerusform>Wählen Sie zuerst einen Wert für %n Stimmungsbezeichnungen.</numerusform>
      </translation>
    </message>
    <message>
      <source>Choose the exported file</source>
      <translation>Die exportierte Datei wählen</translation>
    </message>
    <message>
      <source>Choose the format and the file, then Preview.</source>
      <translation>Wählen Sie das Format und die Datei, dann Vorschau.</translation>
    </message>
    <message>
      <source>Columns of the CSV file</source>
      <translation>Spalten der CSV-Datei</translation>
    </message>
    <message>
      <source>Comma (,)</source>
      <translation>Komma (,)</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Datum</translation>
    </message>
    <message>
      <source>Date &amp;format</source>
      <translation>Datums&amp;format</translation>
    </message>
    <message>
      <source>Daylio mood labels: a score for each</source>
      <translation>Daylio-Stimmungen: ein Wert für jede</translation>
    </message>
    <message>
      <source>Daylio's five moods have defaults (rad 9, good 7, meh 5, bad 3, awful 1); your own labels need a score. Your choices are remembered.</source>
      <translation>Die fünf Stimmungen von Daylio haben Standardwerte (rad 9, good 7, meh 5, bad 3, awful 1); Ihre eigenen Bezeichnungen brauchen einen Wert. Ihre Auswahl wird gespeichert.</translation>
    </message>
    <message>
      <source>F&amp;ormat</source>
      <translation>F&amp;ormat</translation>
    </message>
    <message>
      <source>File to import</source>
      <translation>Zu importierende Datei</translation>
    </message>
    <message>
      <source>Format of the file</source>
      <translation>Format der Datei</translation>
    </message>
    <message>
      <source>Highest value of the mood scale</source>
      <translation>Höchster Wert der Stimmungsskala</translation>
    </message>
    <message>
      <source>Import from another app</source>
      <translation>Aus einer anderen App importieren</translation>
    </message>
    <message>
      <source>Import status</source>
      <translation>Importstatus</translation>
    </message>
    <message>
      <source>Lowest value of the mood scale</source>
      <translation>Niedrigster Wert der Stimmungsskala</translation>
    </message>
    <message>
      <source>Mood</source>
      <translation>Stimmung</translation>
    </message>
    <message>
      <source>Mood &amp;scale</source>
      <translation>Stimmungs&amp;skala</translation>
    </message>
    <message>
      <source>Mood label in the file</source>
      <translation>Stimmungsbezeichnung in der Datei</translation>
    </message>
    <message>
      <source>Mood labels and their scores</source>
      <translation>Stimmungsbezeichnungen und ihre Werte</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Notiz</translation>
    </message>
    <message>
      <source>Note column</source>
      <translation>Notizspalte</translation>
    </message>
    <message>
      <source>Score (0 worst, 10 best)</source>
      <translation>Wert (0 am schlimmsten, 10 am besten)</translation>
    </message>
    <message>
      <source>Score of the mood label {label}</source>
      <translation>Wert der Stimmungsbezeichnung {label}</translation>
    </message>
    <message>
      <source>Se&amp;parator</source>
      <translation>&amp;Trennzeichen</translation>
    </message>
    <message>
      <source>Semicolon (;)</source>
      <translation>Semikolon (;)</translation>
    </message>
    <message>
      <source>Tab</source>
      <translation>Tabulator</translation>
    </message>
    <message>
      <source>Tags</source>
      <translation>Tags</translation>
    </message>
    <message>
      <source>The first new entries</source>
      <translation>Die ersten neuen Einträge</translation>
    </message>
    <message>
      <source>The lowest value is the best mood</source>
      <translation>Der niedrigste Wert ist die beste Stimmung</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>Uhrzeit</translation>
    </message>
    <message>
      <source>Time column</source>
      <translation>Uhrzeitspalte</translation>
    </message>
    <message>
      <source>choose…</source>
      <translation>auswählen…</translation>
    </message>
    <message>
      <source>strptime codes: %d day, %m month, %Y year, %H:%M time</source>
      <translation>strptime-Codes: %d Tag, %m Monat, %Y Jahr, %H:%M Uhrzeit</translation>
    </message>
    <message>
      <source>to</source>
      <translation>bis</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>ja</translation>
    </message>
  </context>
  <context>
    <name>Join</name>
    <message>
      <source>&amp;Join</source>
      <translation>&amp;Verbinden</translation>
    </message>
    <message>
      <source>&amp;Recovery key or passphrase</source>
      <translation>Wiederherstellungs&amp;schlüssel oder Passphrase</translation>
    </message>
    <message>
      <source>&amp;Start a new journal</source>
      <translation>&amp;Neues Tagebuch beginnen</translation>
    </message>
    <message>
      <source>C&amp;hoose…</source>
      <translation>Aus&amp;wählen…</translation>
    </message>
    <message>
      <source>Choose the folder your journal syncs through</source>
      <translation>Den Ordner wählen, über den Ihr Tagebuch synchronisiert wird</translation>
    </message>
    <message>
      <source>Choose the folder your other computer syncs the journal through (it must have arrived on this computer), and type the journal's recovery key or passphrase. This computer gets its own copy of the journal.</source>
      <translation>Wählen Sie den Ordner, über den Ihr anderer Computer das Tagebuch synchronisiert (er muss auf diesem Computer schon angekommen sein), und geben Sie den Wiederherstellungsschlüssel oder die Passphrase des Tagebuchs ein. Dieser Computer erhält eine eigene Kopie des Tagebuchs.</translation>
    </message>
    <message>
      <source>Choose the sync folder first.</source>
      <translation>Wählen Sie zuerst den Sync-Ordner.</translation>
    </message>
    <message>
      <source>I &amp;already use ketajournal on another computer…</source>
      <translation>Ich nutze ketajournal schon auf einem anderen &amp;Computer…</translation>
    </message>
    <message>
      <source>Join message</source>
      <translation>Meldung zum Verbinden</translation>
    </message>
    <message>
      <source>Join your journal from another computer</source>
      <translation>Mit Ihrem Tagebuch auf einem anderen Computer verbinden</translation>
    </message>
    <message>
      <source>Joining your journal…</source>
      <translation>Tagebuch wird verbunden…</translation>
    </message>
    <message>
      <source>Recovery key or passphrase</source>
      <translation>Wiederherstellungsschlüssel oder Passphrase</translation>
    </message>
    <message>
      <source>Sync &amp;folder</source>
      <translation>Sync-&amp;Ordner</translation>
    </message>
    <message>
      <source>Sync folder</source>
      <translation>Sync-Ordner</translation>
    </message>
    <message>
      <source>The folder could not be used ({reason}).</source>
      <translation>Der Ordner konnte nicht verwendet werden ({reason}).</translation>
    </message>
    <message>
      <source>Type the journal's recovery key or passphrase.</source>
      <translation>Geben Sie den Wiederherstellungsschlüssel oder die Passphrase des Tagebuchs ein.</translation>
    </message>
    <message>
      <source>Welcome to ketajournal</source>
      <translation>Willkommen bei ketajournal</translation>
    </message>
    <message>
      <source>Your journal is encrypted and stays on this computer. Start a new one, or join the journal you already keep on another computer through a folder you sync.</source>
      <translation>Ihr Tagebuch ist verschlüsselt und bleibt auf diesem Computer. Beginnen Sie ein neues oder verbinden Sie sich über einen synchronisierten Ordner mit dem Tagebuch, das Sie schon auf einem anderen Computer führen.</translation>
    </message>
  </context>
  <context>
    <name>Keyboard</name>
    <message>
      <source>(undescribed)</source>
      <translation>(ohne Beschreibung)</translation>
    </message>
    <message>
      <source>Every menu, screen and form works from the keyboard: Alt with the underlined letter opens a menu or presses a button, Tab moves between fields, and on Today a number key saves your mood.</source>
      <translation>Jedes Menü, jede Ansicht und jedes Formular lässt sich mit der Tastatur bedienen: Alt mit dem unterstrichenen Buchstaben öffnet ein Menü oder drückt eine Schaltfläche, Tab wechselt zwischen Feldern, und unter „Heute“ speichert eine Zifferntaste Ihre Stimmung.</translation>
    </message>
    <message>
      <source>Keyboard shortcuts</source>
      <translation>Tastenkürzel</translation>
    </message>
    <message>
      <source>Keys</source>
      <translation>Tasten</translation>
    </message>
    <message>
      <source>What they do</source>
      <translation>Was sie bewirken</translation>
    </message>
  </context>
  <context>
    <name>Lock</name>
    <message>
      <source>&amp;Unlock</source>
      <translation>Ent&amp;sperren</translation>
    </message>
    <message>
      <source>Click Unlock to open it with the key in your system keyring.</source>
      <translation>Klicken Sie auf Entsperren, um es mit dem Schlüssel aus dem Schlüsselbund Ihres Systems zu öffnen.</translation>
    </message>
    <message>
      <source>Passphrase or recovery key</source>
      <translation>Passphrase oder Wiederherstellungsschlüssel</translation>
    </message>
    <message>
      <source>Type your passphrase or your recovery key to open it.</source>
      <translation>Geben Sie Ihre Passphrase oder Ihren Wiederherstellungsschlüssel ein, um es zu öffnen.</translation>
    </message>
    <message>
      <source>Unlock message</source>
      <translation>Meldung zum Entsperren</translation>
    </message>
    <message>
      <source>Unlock the journal</source>
      <translation>Das Tagebuch entsperren</translation>
    </message>
    <message>
      <source>Your journal is locked.</source>
      <translation>Ihr Tagebuch ist gesperrt.</translation>
    </message>
    <message numerus="yes">
      <source>{message}
You can try again in %n second(s).</source>
      <translation>
        <numerusform>{message}
Sie können es in %n Sekunde erneut versuchen.</numerusform>
        <numerusform>{message}
Sie können es in %n Sekunden erneut versuchen.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>About {app}</source>
      <translation>Über {app}</translation>
    </message>
    <message>
      <source>Changes saved.</source>
      <translation>Änderungen gespeichert.</translation>
    </message>
    <message>
      <source>Journal checked; today's backup is made.</source>
      <translation>Tagebuch geprüft; die heutige Sicherung ist erstellt.</translation>
    </message>
    <message>
      <source>Locked.</source>
      <translation>Gesperrt.</translation>
    </message>
    <message>
      <source>Locking when the current task is done.</source>
      <translation>Wird gesperrt, sobald die laufende Aufgabe fertig ist.</translation>
    </message>
    <message>
      <source>Opening your journal…</source>
      <translation>Ihr Tagebuch wird geöffnet…</translation>
    </message>
    <message>
      <source>Red flag</source>
      <translation>Warnzeichen</translation>
    </message>
    <message>
      <source>Saved.</source>
      <translation>Gespeichert.</translation>
    </message>
    <message>
      <source>Saved: {summary}.</source>
      <translation>Gespeichert: {summary}.</translation>
    </message>
    <message>
      <source>That entry no longer exists; its draft was discarded.</source>
      <translation>Dieser Eintrag existiert nicht mehr; sein Entwurf wurde verworfen.</translation>
    </message>
    <message>
      <source>The check that runs after opening found damage in the journal file. ketajournal will close it and check it again; if the damage is confirmed, it offers the newest backup that verifies. Nothing is deleted: the damaged file is kept beside it.</source>
      <translation>Die Prüfung nach dem Öffnen hat einen Schaden in der Tagebuchdatei gefunden. ketajournal schließt sie und prüft sie erneut; bestätigt sich der Schaden, bietet es die neueste Sicherung an, die sich als intakt erweist. Nichts wird gelöscht: Die beschädigte Datei bleibt daneben erhalten.</translation>
    </message>
    <message>
      <source>Unlocked.</source>
      <translation>Entsperrt.</translation>
    </message>
    <message>
      <source>Your journal is encrypted and stays on this computer.</source>
      <translation>Ihr Tagebuch ist verschlüsselt und bleibt auf diesem Computer.</translation>
    </message>
    <message>
      <source>Your journal needs repair</source>
      <translation>Ihr Tagebuch muss repariert werden</translation>
    </message>
    <message>
      <source>{app} {version}

A private journal for ketamine and esketamine therapy. Your journal is encrypted and stays on this computer; nothing is sent anywhere. No clinician is monitoring it.</source>
      <translation>{app} {version}

Ein privates Tagebuch für die Ketamin- und Esketamin-Therapie. Ihr Tagebuch ist verschlüsselt und bleibt auf diesem Computer; nichts wird irgendwohin gesendet. Keine behandelnde Person liest mit.</translation>
    </message>
    <message>
      <source>{app} — demo journal</source>
      <translation>{app} — Demo-Tagebuch</translation>
    </message>
    <message>
      <source>{app}: backup</source>
      <translation>{app}: Sicherung</translation>
    </message>
    <message>
      <source>{label}: {advice}</source>
      <translation>{label}: {advice}</translation>
    </message>
  </context>
  <context>
    <name>Medications</name>
    <message>
      <source>&amp;Class</source>
      <translation>&amp;Klasse</translation>
    </message>
    <message>
      <source>&amp;Delete this medication</source>
      <translation>Dieses Medikament &amp;löschen</translation>
    </message>
    <message>
      <source>&amp;Dose</source>
      <translation>&amp;Dosis</translation>
    </message>
    <message>
      <source>&amp;Name</source>
      <translation>&amp;Name</translation>
    </message>
    <message>
      <source>&amp;Start a medication…</source>
      <translation>Medikament begi&amp;nnen…</translation>
    </message>
    <message>
      <source>&amp;Started on</source>
      <translation>&amp;Begonnen am</translation>
    </message>
    <message>
      <source>&amp;Stopped on</source>
      <translation>&amp;Beendet am</translation>
    </message>
    <message>
      <source>As you record them: a dose change applies from its day; a medication is not taken on the day it is stopped. The Boosters screen and the clinician report show each change beside the boosters it overlaps — side by side, never as a cause.</source>
      <translation>So wie Sie sie eintragen: Eine Dosisänderung gilt ab ihrem Tag; am Tag des Absetzens wird ein Medikament nicht mehr eingenommen. Die Booster-Ansicht und der Bericht für die Behandelnden zeigen jede Änderung neben den Boostern, mit denen sie zusammenfällt – nebeneinander, nie als Ursache.</translation>
    </message>
    <message>
      <source>Change</source>
      <translation>Änderung</translation>
    </message>
    <message>
      <source>Change a medication's dose</source>
      <translation>Dosis eines Medikaments ändern</translation>
    </message>
    <message>
      <source>Change d&amp;ose…</source>
      <translation>Dos&amp;is ändern…</translation>
    </message>
    <message>
      <source>Class</source>
      <translation>Klasse</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Datum</translation>
    </message>
    <message>
      <source>Delete the selected medication with all its doses (Edit → Undo brings it back).</source>
      <translation>Das gewählte Medikament mit allen Dosen löschen (Bearbeiten → Rückgängig holt es zurück).</translation>
    </message>
    <message>
      <source>Dose</source>
      <translation>Dosis</translation>
    </message>
    <message>
      <source>Dose in &amp;mg</source>
      <translation>Dosis in &amp;mg</translation>
    </message>
    <message>
      <source>Dose in mg</source>
      <translation>Dosis in mg</translation>
    </message>
    <message>
      <source>Error message</source>
      <translation>Fehlermeldung</translation>
    </message>
    <message>
      <source>Every start, dose change and stop (newest first)</source>
      <translation>Jeder Beginn, jede Dosisänderung und jedes Absetzen (neueste zuerst)</translation>
    </message>
    <message>
      <source>Every start, dose change and stop, newest first.</source>
      <translation>Jeder Beginn, jede Dosisänderung und jedes Absetzen, das Neueste zuerst.</translation>
    </message>
    <message>
      <source>How &amp;often</source>
      <translation>Wie &amp;oft</translation>
    </message>
    <message>
      <source>How often</source>
      <translation>Wie oft</translation>
    </message>
    <message>
      <source>Medication</source>
      <translation>Medikament</translation>
    </message>
    <message>
      <source>Medication history</source>
      <translation>Medikamentenverlauf</translation>
    </message>
    <message>
      <source>Medication name</source>
      <translation>Name des Medikaments</translation>
    </message>
    <message>
      <source>Medications taken today</source>
      <translation>Heute eingenommene Medikamente</translation>
    </message>
    <message>
      <source>N&amp;ote</source>
      <translation>N&amp;otiz</translation>
    </message>
    <message>
      <source>New dose &amp;from</source>
      <translation>Neue Dosis &amp;ab</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Notiz</translation>
    </message>
    <message>
      <source>One row per medication taken today, with its dose.</source>
      <translation>Eine Zeile pro heute eingenommenem Medikament, mit seiner Dosis.</translation>
    </message>
    <message>
      <source>Since</source>
      <translation>Seit</translation>
    </message>
    <message>
      <source>Start a medication</source>
      <translation>Medikament beginnen</translation>
    </message>
    <message>
      <source>Stop a medication</source>
      <translation>Medikament absetzen</translation>
    </message>
    <message>
      <source>Stop ta&amp;king…</source>
      <translation>Abset&amp;zen…</translation>
    </message>
    <message>
      <source>Taken today ({day})</source>
      <translation>Heute eingenommen ({day})</translation>
    </message>
    <message>
      <source>Taken today: none recorded</source>
      <translation>Heute eingenommen: nichts eingetragen</translation>
    </message>
    <message>
      <source>as prescribed, e.g. 50 mg once a day</source>
      <translation>wie verordnet, z. B. 50 mg einmal täglich</translation>
    </message>
    <message>
      <source>dose changed</source>
      <translation>Dosis geändert</translation>
    </message>
    <message>
      <source>e.g. sertraline (pick or type)</source>
      <translation>z. B. Sertralin (auswählen oder eingeben)</translation>
    </message>
    <message>
      <source>mg</source>
      <translation>mg</translation>
    </message>
    <message>
      <source>started</source>
      <translation>begonnen</translation>
    </message>
  </context>
  <context>
    <name>Menus</name>
    <message>
      <source>&amp;About ketajournal</source>
      <translation>Ü&amp;ber ketajournal</translation>
    </message>
    <message>
      <source>&amp;Back up to a file…</source>
      <translation>In eine Datei &amp;sichern…</translation>
    </message>
    <message>
      <source>&amp;Crisis resources…</source>
      <translation>&amp;Krisenhilfe…</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>&amp;Datei</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>&amp;Hilfe</translation>
    </message>
    <message>
      <source>&amp;Import from a JSON or CSV file…</source>
      <translation>Aus JSON- oder CSV-Datei &amp;importieren…</translation>
    </message>
    <message>
      <source>&amp;Keyboard shortcuts…</source>
      <translation>&amp;Tastenkürzel…</translation>
    </message>
    <message>
      <source>&amp;Lock</source>
      <translation>Sp&amp;erren</translation>
    </message>
    <message>
      <source>&amp;Log</source>
      <translation>&amp;Erfassen</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>&amp;Beenden</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>&amp;Wiederholen</translation>
    </message>
    <message>
      <source>&amp;Restore from a backup file…</source>
      <translation>Aus Sicherungsdatei &amp;wiederherstellen…</translation>
    </message>
    <message>
      <source>&amp;Session…</source>
      <translation>&amp;Sitzung…</translation>
    </message>
    <message>
      <source>&amp;Settings…</source>
      <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation>&amp;Rückgängig</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>&amp;Ansicht</translation>
    </message>
    <message>
      <source>E&amp;vent…</source>
      <translation>E&amp;reignis…</translation>
    </message>
    <message>
      <source>Export as &amp;CSV files…</source>
      <translation>Als &amp;CSV-Dateien exportieren…</translation>
    </message>
    <message>
      <source>Export as &amp;FHIR bundle…</source>
      <translation>Als &amp;FHIR-Bundle exportieren…</translation>
    </message>
    <message>
      <source>Export as &amp;JSON…</source>
      <translation>Als &amp;JSON exportieren…</translation>
    </message>
    <message>
      <source>Export clinician &amp;PDF…</source>
      <translation>&amp;PDF für Behandelnde exportieren…</translation>
    </message>
    <message>
      <source>Import from &amp;another app…</source>
      <translation>Aus &amp;anderer App importieren…</translation>
    </message>
    <message>
      <source>Import from a CSV &amp;folder…</source>
      <translation>Aus CSV-&amp;Ordner importieren…</translation>
    </message>
    <message>
      <source>Side &amp;effect…</source>
      <translation>&amp;Nebenwirkung…</translation>
    </message>
    <message>
      <source>{title} questionnaire…</source>
      <translation>Fragebogen {title}…</translation>
    </message>
  </context>
  <context>
    <name>Operations</name>
    <message numerus="yes">
      <source> to %n CSV file(s).</source>
      <translation>
        <numerusform>, in %n CSV-Datei.</numerusform>
        <numerusform>, in %n CSV-Dateien.</numerusform>
      </translation>
    </message>
    <message>
      <source>Back up to a file</source>
      <translation>In eine Datei sichern</translation>
    </message>
    <message numerus="yes">
      <source>Backed up %n entry(s) to {file} (encrypted).</source>
      <translation>
        <numerusform>%n Eintrag verschlüsselt in {file} gesichert.</numerusform>
        <numerusform>%n Einträge verschlüsselt in {file} gesichert.</numerusform>
      </translation>
    </message>
    <message>
      <source>Backing up…</source>
      <translation>Wird gesichert…</translation>
    </message>
    <message>
      <source>Export CSV files into folder</source>
      <translation>CSV-Dateien in einen Ordner exportieren</translation>
    </message>
    <message>
      <source>Export as FHIR R4 bundle</source>
      <translation>Als FHIR-R4-Bundle exportieren</translation>
    </message>
    <message>
      <source>Export journal as JSON</source>
      <translation>Tagebuch als JSON exportieren</translation>
    </message>
    <message numerus="yes">
      <source>Exported %n FHIR resource(s) to {file}.</source>
      <translation>
        <numerusform>%n FHIR-Ressource nach {file} exportiert.</numerusform>
        <numerusform>%n FHIR-Ressourcen nach {file} exportiert.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Exported %n entry(s)</source>
      <translation>
        <numerusform>%n Eintrag exportiert</numerusform>
        <numerusform>%n Einträge exportiert</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Exported %n entry(s) to {file}.</source>
      <translation>
        <numerusform>%n Eintrag nach {file} exportiert.</numerusform>
        <numerusform>%n Einträge nach {file} exportiert.</numerusform>
      </translation>
    </message>
    <message>
      <source>Exporting…</source>
      <translation>Wird exportiert…</translation>
    </message>
    <message>
      <source>Import a CSV export folder</source>
      <translation>Einen CSV-Exportordner importieren</translation>
    </message>
    <message>
      <source>Import a ketajournal export</source>
      <translation>Einen ketajournal-Export importieren</translation>
    </message>
    <message>
      <source>Import finished</source>
      <translation>Import abgeschlossen</translation>
    </message>
    <message>
      <source>Importing…</source>
      <translation>Wird importiert…</translation>
    </message>
    <message>
      <source>Restore from a backup file</source>
      <translation>Aus einer Sicherungsdatei wiederherstellen</translation>
    </message>
  </context>
  <context>
    <name>Plan</name>
    <message>
      <source>&amp;Add…</source>
      <translation>Hin&amp;zufügen…</translation>
    </message>
    <message>
      <source>&amp;Change…</source>
      <translation>Ä&amp;ndern…</translation>
    </message>
    <message>
      <source>&amp;Clinic</source>
      <translation>&amp;Klinik</translation>
    </message>
    <message>
      <source>&amp;Note</source>
      <translation>&amp;Notiz</translation>
    </message>
    <message>
      <source>&amp;Phase</source>
      <translation>&amp;Phase</translation>
    </message>
    <message>
      <source>&amp;Preview</source>
      <translation>&amp;Vorschau</translation>
    </message>
    <message>
      <source>&amp;Route</source>
      <translation>Verab&amp;reichung</translation>
    </message>
    <message>
      <source>&amp;Start on or after</source>
      <translation>&amp;Beginn am oder nach</translation>
    </message>
    <message>
      <source>&amp;Template</source>
      <translation>Vor&amp;lage</translation>
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation>Rüc&amp;kgängig</translation>
    </message>
    <message>
      <source>&amp;Weekdays</source>
      <translation>&amp;Wochentage</translation>
    </message>
    <message>
      <source>&amp;When</source>
      <translation>&amp;Wann</translation>
    </message>
    <message>
      <source>Change a planned session</source>
      <translation>Geplante Sitzung ändern</translation>
    </message>
    <message>
      <source>Change any time, or untick a session to leave it out:</source>
      <translation>Ändern Sie Uhrzeiten oder entfernen Sie das Häkchen, um eine Sitzung auszulassen:</translation>
    </message>
    <message>
      <source>Change or move the selected planned session</source>
      <translation>Die gewählte geplante Sitzung ändern oder verschieben</translation>
    </message>
    <message>
      <source>Clinic</source>
      <translation>Klinik</translation>
    </message>
    <message>
      <source>Custom: &amp;route</source>
      <translation>Eigene: Verabreichun&amp;g</translation>
    </message>
    <message>
      <source>Custom: e&amp;very</source>
      <translation>Eigene: &amp;alle</translation>
    </message>
    <message>
      <source>Esketamine after week &amp;8</source>
      <translation>Esketamin nach Woche &amp;8</translation>
    </message>
    <message>
      <source>Esketamine weeks of maintenance</source>
      <translation>Esketamin: Wochen der Erhaltung</translation>
    </message>
    <message>
      <source>Every</source>
      <translation>Alle</translation>
    </message>
    <message>
      <source>Fr&amp;om a template…</source>
      <translation>Aus Vor&amp;lage…</translation>
    </message>
    <message>
      <source>IM or custom: how &amp;many</source>
      <translation>IM oder eigene: wie vi&amp;ele</translation>
    </message>
    <message>
      <source>It happene&amp;d…</source>
      <translation>Hat statt&amp;gefunden…</translation>
    </message>
    <message>
      <source>Maintenance after week 8</source>
      <translation>Erhaltung nach Woche 8</translation>
    </message>
    <message>
      <source>Mark the selected session done</source>
      <translation>Die gewählte Sitzung als erfolgt markieren</translation>
    </message>
    <message>
      <source>Mark the selected session missed</source>
      <translation>Die gewählte Sitzung als verpasst markieren</translation>
    </message>
    <message>
      <source>Mi&amp;ssed</source>
      <translation>Ver&amp;passt</translation>
    </message>
    <message>
      <source>Not confirmed yet</source>
      <translation>Noch nicht bestätigt</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Notiz</translation>
    </message>
    <message>
      <source>Nothing planned. Add a session, or plan a series from a template (IV or IM induction, esketamine per its label, or your own).</source>
      <translation>Nichts geplant. Fügen Sie eine Sitzung hinzu oder planen Sie eine Serie aus einer Vorlage (IV- oder IM-Induktion, Esketamin laut Fachinformation oder eine eigene).</translation>
    </message>
    <message>
      <source>Number of sessions</source>
      <translation>Anzahl der Sitzungen</translation>
    </message>
    <message>
      <source>Past</source>
      <translation>Vergangen</translation>
    </message>
    <message>
      <source>Past planned sessions</source>
      <translation>Vergangene geplante Sitzungen</translation>
    </message>
    <message>
      <source>Phase</source>
      <translation>Phase</translation>
    </message>
    <message>
      <source>Plan</source>
      <translation>Planen</translation>
    </message>
    <message>
      <source>Plan a session</source>
      <translation>Eine Sitzung planen</translation>
    </message>
    <message>
      <source>Plan from a template</source>
      <translation>Aus einer Vorlage planen</translation>
    </message>
    <message>
      <source>Plan one session</source>
      <translation>Eine Sitzung planen</translation>
    </message>
    <message>
      <source>Plan session {number}</source>
      <translation>Sitzung {number} planen</translation>
    </message>
    <message>
      <source>Plan sessions from a template</source>
      <translation>Sitzungen aus einer Vorlage planen</translation>
    </message>
    <message>
      <source>Plan status</source>
      <translation>Planstatus</translation>
    </message>
    <message>
      <source>Planned &amp;dose</source>
      <translation>Geplante &amp;Dosis</translation>
    </message>
    <message>
      <source>Planned dose</source>
      <translation>Geplante Dosis</translation>
    </message>
    <message>
      <source>Planned dose in milligrams</source>
      <translation>Geplante Dosis in Milligramm</translation>
    </message>
    <message>
      <source>Planned sessions</source>
      <translation>Geplante Sitzungen</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>Entfernen</translation>
    </message>
    <message>
      <source>Remove the selected planned session</source>
      <translation>Die gewählte geplante Sitzung entfernen</translation>
    </message>
    <message>
      <source>Route</source>
      <translation>Verabreichung</translation>
    </message>
    <message>
      <source>Select a planned session first.</source>
      <translation>Wählen Sie zuerst eine geplante Sitzung.</translation>
    </message>
    <message>
      <source>Select a session that is still planned first.</source>
      <translation>Wählen Sie zuerst eine Sitzung, die noch geplant ist.</translation>
    </message>
    <message>
      <source>Start date</source>
      <translation>Beginndatum</translation>
    </message>
    <message>
      <source>Template</source>
      <translation>Vorlage</translation>
    </message>
    <message>
      <source>The planned sessions to save</source>
      <translation>Die zu speichernden geplanten Sitzungen</translation>
    </message>
    <message>
      <source>Time of session {number}</source>
      <translation>Zeitpunkt von Sitzung {number}</translation>
    </message>
    <message>
      <source>Undo the last change</source>
      <translation>Die letzte Änderung rückgängig machen</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>Einheit</translation>
    </message>
    <message>
      <source>Upcoming</source>
      <translation>Anstehend</translation>
    </message>
    <message>
      <source>Upcoming planned sessions</source>
      <translation>Anstehende geplante Sitzungen</translation>
    </message>
    <message>
      <source>Usual t&amp;ime</source>
      <translation>Übliche &amp;Uhrzeit</translation>
    </message>
    <message>
      <source>Usual time</source>
      <translation>Übliche Uhrzeit</translation>
    </message>
    <message>
      <source>Weekdays</source>
      <translation>Wochentage</translation>
    </message>
    <message>
      <source>Weeks of maintenance</source>
      <translation>Wochen der Erhaltung</translation>
    </message>
    <message>
      <source>What happened</source>
      <translation>Was geschah</translation>
    </message>
    <message>
      <source>When</source>
      <translation>Wann</translation>
    </message>
    <message>
      <source>Your own plan, to be reminded and to compare with what happened: the clinic's schedule decides. Edit → Undo takes back any change here.</source>
      <translation>Ihr eigener Plan, zur Erinnerung und zum Vergleich mit dem, was geschah: Maßgeblich ist der Terminplan der Klinik. Bearbeiten → Rückgängig nimmt jede Änderung hier zurück.</translation>
    </message>
    <message>
      <source>days</source>
      <translation>Tage</translation>
    </message>
    <message>
      <source>every 2 weeks</source>
      <translation>alle 2 Wochen</translation>
    </message>
    <message>
      <source>the template's own (e.g. mon,wed,fri)</source>
      <translation>die der Vorlage (z. B. mon,wed,fri)</translation>
    </message>
    <message>
      <source>weekly</source>
      <translation>wöchentlich</translation>
    </message>
    <message>
      <source>weeks</source>
      <translation>Wochen</translation>
    </message>
  </context>
  <context>
    <name>Questionnaire</name>
    <message>
      <source>Crisis resources</source>
      <translation>Krisenhilfe</translation>
    </message>
    <message numerus="yes">
      <source>Please answer question(s) {numbers}.</source>
      <translation>
        <numerusform>Bitte beantworten Sie Frage {numbers}.</numerusform>
        <numerusform>Bitte beantworten Sie die Fragen {numbers}.</numerusform>
      </translation>
    </message>
    <message>
      <source>Question {number}: {answer} ({value})</source>
      <translation>Frage {number}: {answer} ({value})</translation>
    </message>
    <message>
      <source>The questionnaire is shown in English, its validated version.</source>
      <translation>Der Fragebogen wird auf Englisch gezeigt, in seiner validierten Fassung.</translation>
    </message>
    <message>
      <source>To correct it, delete it in the Timeline and fill the questionnaire in again.</source>
      <translation>Um ihn zu korrigieren, löschen Sie ihn im Verlauf und füllen den Fragebogen erneut aus.</translation>
    </message>
    <message>
      <source>Total and band</source>
      <translation>Gesamtwert und Bereich</translation>
    </message>
    <message>
      <source>Type {low}–{high} to answer and move to the next question, or click.</source>
      <translation>Tippen Sie {low}–{high}, um zu antworten und zur nächsten Frage zu gehen, oder klicken Sie.</translation>
    </message>
    <message>
      <source>When filled in</source>
      <translation>Ausgefüllt am</translation>
    </message>
    <message>
      <source>You are not alone</source>
      <translation>Sie sind nicht allein</translation>
    </message>
    <message>
      <source>{done} of {count} answered; total so far {total}.</source>
      <translation>{done} von {count} beantwortet; bisher gesamt {total}.</translation>
    </message>
    <message>
      <source>{question} (not scored)</source>
      <translation>{question} (nicht gewertet)</translation>
    </message>
    <message>
      <source>{summary}, {when}.</source>
      <translation>{summary}, {when}.</translation>
    </message>
    <message>
      <source>{title} total {total} of {most}: {band} ({range}).</source>
      <translation>{title} gesamt {total} von {most}: {band} ({range}).</translation>
    </message>
  </context>
  <context>
    <name>Recovery</name>
    <message>
      <source>&amp;Save a printable page (PDF)…</source>
      <translation>Druckbare Seite &amp;speichern (PDF)…</translation>
    </message>
    <message>
      <source>Confirmation message</source>
      <translation>Meldung zur Bestätigung</translation>
    </message>
    <message>
      <source>Group {number} of the recovery key</source>
      <translation>Gruppe {number} des Wiederherstellungsschlüssels</translation>
    </message>
    <message>
      <source>Group {number}:</source>
      <translation>Gruppe {number}:</translation>
    </message>
    <message>
      <source>I have &amp;written it down</source>
      <translation>Ich habe ihn &amp;aufgeschrieben</translation>
    </message>
    <message>
      <source>Please type the two groups first; the key is not shown again.</source>
      <translation>Bitte geben Sie zuerst die beiden Gruppen ein; der Schlüssel wird nicht noch einmal gezeigt.</translation>
    </message>
    <message>
      <source>Recovery key</source>
      <translation>Wiederherstellungsschlüssel</translation>
    </message>
    <message>
      <source>Save recovery key page</source>
      <translation>Seite mit dem Wiederherstellungsschlüssel speichern</translation>
    </message>
    <message>
      <source>Save the recovery key as a printable PDF page</source>
      <translation>Den Wiederherstellungsschlüssel als druckbare PDF-Seite speichern</translation>
    </message>
    <message>
      <source>That does not match the key above.</source>
      <translation>Das passt nicht zum Schlüssel oben.</translation>
    </message>
    <message>
      <source>To be sure you have it, type these groups of the key (counting from 1):</source>
      <translation>Damit sicher ist, dass Sie ihn haben, geben Sie diese Gruppen des Schlüssels ein (ab 1 gezählt):</translation>
    </message>
    <message>
      <source>Your journal is encrypted. Its key is kept in your system keyring, and wrapped under this recovery key. If the keyring entry is ever lost (a reinstall, another computer), this key is the only way to open your journal. Write it down or print it, and keep it somewhere safe and private. It is shown only now.</source>
      <translation>Ihr Tagebuch ist verschlüsselt. Sein Schlüssel liegt im Schlüsselbund Ihres Systems und ist zusätzlich mit diesem Wiederherstellungsschlüssel gesichert. Geht der Eintrag im Schlüsselbund verloren (eine Neuinstallation, ein anderer Computer), ist dieser Schlüssel der einzige Weg, Ihr Tagebuch zu öffnen. Schreiben Sie ihn auf oder drucken Sie ihn aus und bewahren Sie ihn sicher und privat auf. Er wird nur jetzt gezeigt.</translation>
    </message>
    <message>
      <source>Your recovery key</source>
      <translation>Ihr Wiederherstellungsschlüssel</translation>
    </message>
  </context>
  <context>
    <name>Reminders</name>
    <message>
      <source>A daily reminder?</source>
      <translation>Eine tägliche Erinnerung?</translation>
    </message>
    <message>
      <source>A questionnaire is due</source>
      <translation>Ein Fragebogen ist fällig</translation>
    </message>
    <message>
      <source>Appointment tomorrow</source>
      <translation>Termin morgen</translation>
    </message>
    <message>
      <source>Fill in</source>
      <translation>Ausfüllen</translation>
    </message>
    <message>
      <source>It comes only on days when no mood was logged yet, and says only “Time to log your mood”. Check-ins after a session are reminded too. Change the time, or keep reminders coming while the window is closed, in Settings.</source>
      <translation>Sie kommt nur an Tagen, an denen noch keine Stimmung erfasst wurde, und sagt nur „Zeit, Ihre Stimmung zu erfassen“. An die Check-ins nach einer Sitzung wird ebenfalls erinnert. Die Uhrzeit ändern oder Erinnerungen auch bei geschlossenem Fenster erhalten können Sie in den Einstellungen.</translation>
    </message>
    <message>
      <source>Log mood</source>
      <translation>Stimmung erfassen</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>Öffnen</translation>
    </message>
    <message>
      <source>Reminders now come every other day. Change or stop them in Settings → Reminders.</source>
      <translation>Erinnerungen kommen jetzt nur noch jeden zweiten Tag. Ändern oder beenden können Sie sie unter Einstellungen → Erinnerungen.</translation>
    </message>
    <message>
      <source>Session-day advice: no driving or operating machinery until the next day, after a night's sleep. Plan a ride home.</source>
      <translation>Hinweis für den Sitzungstag: Fahren Sie kein Fahrzeug und bedienen Sie keine Maschinen bis zum nächsten Tag, nach einer Nacht Schlaf. Planen Sie eine Heimfahrt mit Begleitung.</translation>
    </message>
    <message>
      <source>Settings</source>
      <translation>Einstellungen</translation>
    </message>
    <message>
      <source>Snooze 1 h</source>
      <translation>1 Std. später</translation>
    </message>
    <message>
      <source>This evening</source>
      <translation>Heute Abend</translation>
    </message>
    <message>
      <source>Time for your check-in</source>
      <translation>Zeit für Ihren Check-in</translation>
    </message>
    <message>
      <source>Time to log your mood</source>
      <translation>Zeit, Ihre Stimmung zu erfassen</translation>
    </message>
    <message>
      <source>Would you like a reminder to log your mood each evening at 20:00?</source>
      <translation>Möchten Sie jeden Abend um 20:00 Uhr daran erinnert werden, Ihre Stimmung zu erfassen?</translation>
    </message>
  </context>
  <context>
    <name>Screens</name>
    <message>
      <source>&amp;Boosters</source>
      <translation>Booste&amp;r</translation>
    </message>
    <message>
      <source>&amp;Today</source>
      <translation>He&amp;ute</translation>
    </message>
    <message>
      <source>A&amp;ppointment</source>
      <translation>Ter&amp;min</translation>
    </message>
    <message>
      <source>Factors</source>
      <translation>Faktoren</translation>
    </message>
    <message>
      <source>Medications</source>
      <translation>Medikamente</translation>
    </message>
    <message>
      <source>Plan</source>
      <translation>Plan</translation>
    </message>
    <message>
      <source>Screens</source>
      <translation>Ansichten</translation>
    </message>
    <message>
      <source>T&amp;rends</source>
      <translation>&amp;Trends</translation>
    </message>
    <message>
      <source>Ti&amp;meline</source>
      <translation>&amp;Verlauf</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>Jahr</translation>
    </message>
  </context>
  <context>
    <name>Security</name>
    <message numerus="yes">
      <source> (Argon2id, {mib} MiB, %n pass(es))</source>
      <translation>
        <numerusform> (Argon2id, {mib} MiB, %n Durchlauf)</numerusform>
        <numerusform> (Argon2id, {mib} MiB, %n Durchläufe)</numerusform>
      </translation>
    </message>
    <message>
      <source> minutes</source>
      <translation> Minuten</translation>
    </message>
    <message>
      <source> on {day}</source>
      <translation> am {day}</translation>
    </message>
    <message>
      <source>&amp;Again</source>
      <translation>Noch ein&amp;mal</translation>
    </message>
    <message>
      <source>&amp;Change the passphrase</source>
      <translation>Passphrase &amp;ändern</translation>
    </message>
    <message>
      <source>&amp;Lock after idle</source>
      <translation>Sperren nach &amp;Inaktivität von</translation>
    </message>
    <message>
      <source>&amp;New passphrase</source>
      <translation>&amp;Neue Passphrase</translation>
    </message>
    <message numerus="yes">
      <source>A passphrase of at least %n character(s) (a few unrelated words) replaces the keyring: the journal then opens only with it or with the recovery key.</source>
      <translation>
        <numerusform>Eine Passphrase aus mindestens %n Zeichen (ein paar Wörter, die nichts miteinander zu tun haben) ersetzt den Schlüsselbund: Das Tagebuch öffnet sich dann nur noch mit ihr oder mit dem Wiederherstellungsschlüssel.</numerusform>
        <numerusform>Eine Passphrase aus mindestens %n Zeichen (ein paar Wörter, die nichts miteinander zu tun haben) ersetzt den Schlüsselbund: Das Tagebuch öffnet sich dann nur noch mit ihr oder mit dem Wiederherstellungsschlüssel.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>At least %n character(s) ({typed} so far).</source>
      <translation>
        <numerusform>Mindestens %n Zeichen (bisher {typed}).</numerusform>
        <numerusform>Mindestens %n Zeichen (bisher {typed}).</numerusform>
      </translation>
    </message>
    <message>
      <source>Backup restored</source>
      <translation>Sicherung wiederhergestellt</translation>
    </message>
    <message>
      <source>C&amp;urrent passphrase or recovery key</source>
      <translation>&amp;Aktuelle Passphrase oder Wiederherstellungsschlüssel</translation>
    </message>
    <message>
      <source>Checking the backup…</source>
      <translation>Die Sicherung wird geprüft…</translation>
    </message>
    <message>
      <source>Current passphrase or recovery key</source>
      <translation>Aktuelle Passphrase oder Wiederherstellungsschlüssel</translation>
    </message>
    <message>
      <source>From now on the journal opens only with this passphrase or with your recovery key; the key is removed from the system keyring. If you lose both, nobody can open the journal. Continue?</source>
      <translation>Ab jetzt öffnet sich das Tagebuch nur noch mit dieser Passphrase oder mit Ihrem Wiederherstellungsschlüssel; der Schlüssel wird aus dem Schlüsselbund des Systems entfernt. Wenn Sie beides verlieren, kann niemand das Tagebuch öffnen. Fortfahren?</translation>
    </message>
    <message>
      <source>How the key is kept</source>
      <translation>Wie der Schlüssel aufbewahrt wird</translation>
    </message>
    <message>
      <source>Keep the key in the keyring?</source>
      <translation>Den Schlüssel im Schlüsselbund aufbewahren?</translation>
    </message>
    <message>
      <source>Keep your current passphrase?</source>
      <translation>Ihre aktuelle Passphrase behalten?</translation>
    </message>
    <message>
      <source>Keep your current recovery key and passphrase?</source>
      <translation>Ihren aktuellen Wiederherstellungsschlüssel und Ihre Passphrase behalten?</translation>
    </message>
    <message>
      <source>Keep your current recovery key?</source>
      <translation>Ihren aktuellen Wiederherstellungsschlüssel behalten?</translation>
    </message>
    <message>
      <source>Key</source>
      <translation>Schlüssel</translation>
    </message>
    <message>
      <source>Keyring mode: the key is kept in your system keyring, so the journal opens without a question while you are logged in. Programs running as you can read the keyring; a passphrase keeps the journal closed to them.</source>
      <translation>Schlüsselbund-Modus: Der Schlüssel liegt im Schlüsselbund Ihres Systems, daher öffnet sich das Tagebuch ohne Nachfrage, solange Sie angemeldet sind. Programme, die unter Ihrem Benutzer laufen, können den Schlüsselbund lesen; eine Passphrase hält das Tagebuch vor ihnen verschlossen.</translation>
    </message>
    <message>
      <source>Keyring warning</source>
      <translation>Warnung zum Schlüsselbund</translation>
    </message>
    <message>
      <source>Lock after this many idle minutes (0 = off)</source>
      <translation>Nach so vielen Minuten ohne Aktivität sperren (0 = aus)</translation>
    </message>
    <message>
      <source>Locking</source>
      <translation>Sperren</translation>
    </message>
    <message>
      <source>Make a new &amp;recovery key…</source>
      <translation>Neuen &amp;Wiederherstellungsschlüssel erstellen…</translation>
    </message>
    <message>
      <source>Make a new recovery key?</source>
      <translation>Einen neuen Wiederherstellungsschlüssel erstellen?</translation>
    </message>
    <message>
      <source>New passphrase</source>
      <translation>Neue Passphrase</translation>
    </message>
    <message>
      <source>New passphrase again</source>
      <translation>Neue Passphrase noch einmal</translation>
    </message>
    <message>
      <source>Off</source>
      <translation>Aus</translation>
    </message>
    <message>
      <source>Passphrase</source>
      <translation>Passphrase</translation>
    </message>
    <message>
      <source>Passphrase message</source>
      <translation>Meldung zur Passphrase</translation>
    </message>
    <message>
      <source>Passphrase mode is on. The key is no longer in the system keyring.</source>
      <translation>Der Passphrase-Modus ist an. Der Schlüssel ist nicht mehr im Schlüsselbund des Systems.</translation>
    </message>
    <message>
      <source>Passphrase mode: the key is not in the system keyring. ketajournal asks for your passphrase{detail} or your recovery key when it starts and after it locks.</source>
      <translation>Passphrase-Modus: Der Schlüssel ist nicht im Schlüsselbund des Systems. ketajournal fragt beim Start und nach dem Sperren nach Ihrer Passphrase{detail} oder Ihrem Wiederherstellungsschlüssel.</translation>
    </message>
    <message>
      <source>Passphrase or recovery key</source>
      <translation>Passphrase oder Wiederherstellungsschlüssel</translation>
    </message>
    <message>
      <source>Recovery key</source>
      <translation>Wiederherstellungsschlüssel</translation>
    </message>
    <message>
      <source>Recovery key or passphrase</source>
      <translation>Wiederherstellungsschlüssel oder Passphrase</translation>
    </message>
    <message>
      <source>Restore failed</source>
      <translation>Wiederherstellung fehlgeschlagen</translation>
    </message>
    <message>
      <source>Restore this backup?</source>
      <translation>Diese Sicherung wiederherstellen?</translation>
    </message>
    <message>
      <source>Security</source>
      <translation>Sicherheit</translation>
    </message>
    <message>
      <source>Security message</source>
      <translation>Meldung zur Sicherheit</translation>
    </message>
    <message>
      <source>Stop using a passphrase: keep the key in the &amp;keyring</source>
      <translation>Keine Passphrase mehr: Schlüssel wieder im Schlüssel&amp;bund</translation>
    </message>
    <message numerus="yes">
      <source>The backup was made {made} and holds %n entry(s); it opens with its key and passed its integrity check.

Restoring it closes your journal and moves its files to {folder} (nothing is deleted); the backup takes their place. Entries made since the backup will only be in the moved files. Restore it?</source>
      <translation>
        <numerusform>Die Sicherung wurde am {made} erstellt und enthält %n Eintrag; sie öffnet sich mit ihrem Schlüssel und hat ihre Integritätsprüfung bestanden.

Das Wiederherstellen schließt Ihr Tagebuch und verschiebt seine Dateien nach {folder} (nichts wird gelöscht); die Sicherung tritt an ihre Stelle. Einträge seit der Sicherung sind dann nur in den verschobenen Dateien. Wiederherstellen?</numerusform>
        <numerusform>Die Sicherung wurde am {made} erstellt und enthält %n Einträge; sie öffnet sich mit ihrem Schlüssel und hat ihre Integritätsprüfung bestanden.

Das Wiederherstellen schließt Ihr Tagebuch und verschiebt seine Dateien nach {folder} (nichts wird gelöscht); die Sicherung tritt an ihre Stelle. Einträge seit der Sicherung sind dann nur in den verschobenen Dateien. Wiederherstellen?</numerusform>
      </translation>
    </message>
    <message>
      <source>The files could not be read or written ({reason}). Nothing was changed.</source>
      <translation>Die Dateien konnten nicht gelesen oder geschrieben werden ({reason}). Nichts wurde geändert.</translation>
    </message>
    <message>
      <source>The key goes back into your system keyring and the passphrase stops opening the journal; it then opens without a question while you are logged in. Continue?</source>
      <translation>Der Schlüssel kommt zurück in den Schlüsselbund Ihres Systems, und die Passphrase öffnet das Tagebuch nicht mehr; es öffnet sich dann ohne Nachfrage, solange Sie angemeldet sind. Fortfahren?</translation>
    </message>
    <message>
      <source>The key is in the system keyring again; the passphrase no longer opens the journal.</source>
      <translation>Der Schlüssel ist wieder im Schlüsselbund des Systems; die Passphrase öffnet das Tagebuch nicht mehr.</translation>
    </message>
    <message>
      <source>The passphrase was changed. The old one no longer opens the journal.</source>
      <translation>Die Passphrase wurde geändert. Die alte öffnet das Tagebuch nicht mehr.</translation>
    </message>
    <message>
      <source>The passphrases match.</source>
      <translation>Die Passphrasen stimmen überein.</translation>
    </message>
    <message>
      <source>The two passphrases are not the same yet.</source>
      <translation>Die beiden Passphrasen sind noch nicht gleich.</translation>
    </message>
    <message>
      <source>The two passphrases are not the same. Nothing was changed.</source>
      <translation>Die beiden Passphrasen sind nicht gleich. Nichts wurde geändert.</translation>
    </message>
    <message>
      <source>This backup is older than your journal's current passphrase. Keep the current passphrase for the restored journal?</source>
      <translation>Diese Sicherung ist älter als die aktuelle Passphrase Ihres Tagebuchs. Die aktuelle Passphrase für das wiederhergestellte Tagebuch behalten?</translation>
    </message>
    <message>
      <source>This backup is older than your journal's current recovery key and passphrase. Keep them for the restored journal?</source>
      <translation>Diese Sicherung ist älter als der aktuelle Wiederherstellungsschlüssel und die Passphrase Ihres Tagebuchs. Beide für das wiederhergestellte Tagebuch behalten?</translation>
    </message>
    <message>
      <source>This backup is older than your journal's current recovery key. Keep the current recovery key for the restored journal?</source>
      <translation>Diese Sicherung ist älter als der aktuelle Wiederherstellungsschlüssel Ihres Tagebuchs. Den aktuellen Wiederherstellungsschlüssel für das wiederhergestellte Tagebuch behalten?</translation>
    </message>
    <message>
      <source>This journal has no recovery key yet. Make one now: it is the way back if the keyring or the passphrase is lost.</source>
      <translation>Dieses Tagebuch hat noch keinen Wiederherstellungsschlüssel. Erstellen Sie jetzt einen: Er ist der Weg zurück, wenn der Schlüsselbund oder die Passphrase verloren geht.</translation>
    </message>
    <message>
      <source>To change the passphrase, type the current one (or the recovery key) and the new one twice.</source>
      <translation>Um die Passphrase zu ändern, geben Sie die aktuelle (oder den Wiederherstellungsschlüssel) und zweimal die neue ein.</translation>
    </message>
    <message>
      <source>Type the new passphrase again.</source>
      <translation>Geben Sie die neue Passphrase noch einmal ein.</translation>
    </message>
    <message>
      <source>Type your current passphrase or your recovery key first. Nothing was changed.</source>
      <translation>Geben Sie zuerst Ihre aktuelle Passphrase oder Ihren Wiederherstellungsschlüssel ein. Nichts wurde geändert.</translation>
    </message>
    <message>
      <source>Use a passphrase?</source>
      <translation>Eine Passphrase verwenden?</translation>
    </message>
    <message>
      <source>Use this &amp;passphrase</source>
      <translation>Diese &amp;Passphrase verwenden</translation>
    </message>
    <message>
      <source>Warning: {warning}.</source>
      <translation>Warnung: {warning}.</translation>
    </message>
    <message>
      <source>Why the recovery key or passphrase is needed</source>
      <translation>Warum der Wiederherstellungsschlüssel oder die Passphrase nötig ist</translation>
    </message>
    <message>
      <source>Yes: the backup is re-wrapped under them, and a key you replaced since stays revoked.
No: the restored journal opens with the recovery key and passphrase it had when the backup was made.</source>
      <translation>Ja: Die Sicherung wird mit ihnen neu verschlüsselt, und ein Schlüssel, den Sie seither ersetzt haben, bleibt ungültig.
Nein: Das wiederhergestellte Tagebuch öffnet sich mit dem Wiederherstellungsschlüssel und der Passphrase, die es beim Erstellen der Sicherung hatte.</translation>
    </message>
    <message>
      <source>Your current recovery key will stop opening this journal (backups made before keep opening with it). The new one is shown once: have paper ready. Continue?</source>
      <translation>Ihr aktueller Wiederherstellungsschlüssel öffnet dieses Tagebuch dann nicht mehr (ältere Sicherungen öffnen sich weiter mit ihm). Der neue wird einmal gezeigt: Halten Sie Papier bereit. Fortfahren?</translation>
    </message>
    <message>
      <source>Your recovery key was made{made}. A new one replaces it: the old one stops opening the journal (backups made before keep it).</source>
      <translation>Ihr Wiederherstellungsschlüssel wurde{made} erstellt. Ein neuer ersetzt ihn: Der alte öffnet das Tagebuch dann nicht mehr (ältere Sicherungen behalten ihn).</translation>
    </message>
    <message>
      <source>{app}: backup restored</source>
      <translation>{app}: Sicherung wiederhergestellt</translation>
    </message>
    <message>
      <source>{app}: restore failed</source>
      <translation>{app}: Wiederherstellung fehlgeschlagen</translation>
    </message>
    <message>
      <source>{app}: your journal is damaged</source>
      <translation>{app}: Ihr Tagebuch ist beschädigt</translation>
    </message>
    <message>
      <source>{problem}

Restore the backup from {made}?</source>
      <translation>{problem}

Die Sicherung vom {made} wiederherstellen?</translation>
    </message>
  </context>
  <context>
    <name>Settings</name>
    <message>
      <source> days</source>
      <translation> Tage</translation>
    </message>
    <message>
      <source> h before</source>
      <translation> Std. vorher</translation>
    </message>
    <message>
      <source>&amp;Keep running in the background when the window is closed</source>
      <translation>Im &amp;Hintergrund weiterlaufen, wenn das Fenster geschlossen ist</translation>
    </message>
    <message>
      <source>&amp;Remind me of planned sessions: the evening before, and</source>
      <translation>An geplante Sitzungen erinnern: am &amp;Vorabend und</translation>
    </message>
    <message>
      <source>&amp;Your own resources</source>
      <translation>&amp;Eigene Kontakte</translation>
    </message>
    <message>
      <source>Appointment reminders</source>
      <translation>Erinnerungen an Termine</translation>
    </message>
    <message>
      <source>As the system (light or dark)</source>
      <translation>Wie das System (hell oder dunkel)</translation>
    </message>
    <message>
      <source>At 20:00 the day before and some hours before each session still planned.</source>
      <translation>Um 20:00 Uhr am Vortag und einige Stunden vor jeder noch geplanten Sitzung.</translation>
    </message>
    <message>
      <source>Automatic: the last one before the first session</source>
      <translation>Automatisch: der letzte vor der ersten Sitzung</translation>
    </message>
    <message>
      <source>C&amp;olours</source>
      <translation>Fa&amp;rben</translation>
    </message>
    <message>
      <source>Check-ins after a session and questionnaires are reminded when due.</source>
      <translation>An Rückmeldungen nach einer Sitzung und an Fragebögen wird erinnert, wenn sie fällig sind.</translation>
    </message>
    <message>
      <source>Colour scheme</source>
      <translation>Farbschema</translation>
    </message>
    <message>
      <source>Crisis resources &amp;for</source>
      <translation>Krisenhilfe &amp;für</translation>
    </message>
    <message>
      <source>Crisis resources for country</source>
      <translation>Krisenhilfe für das Land</translation>
    </message>
    <message>
      <source>Daily mood reminder</source>
      <translation>Tägliche Erinnerung an die Stimmung</translation>
    </message>
    <message>
      <source>Daily mood reminder time</source>
      <translation>Uhrzeit der täglichen Erinnerung an die Stimmung</translation>
    </message>
    <message>
      <source>Dark</source>
      <translation>Dunkel</translation>
    </message>
    <message>
      <source>Detailed notification text</source>
      <translation>Ausführlicher Text in Benachrichtigungen</translation>
    </message>
    <message>
      <source>From my locale (US Letter in the US and Canada, else A4)</source>
      <translation>Nach meiner Region (US Letter in den USA und Kanada, sonst A4)</translation>
    </message>
    <message>
      <source>Hours before a planned session</source>
      <translation>Stunden vor einer geplanten Sitzung</translation>
    </message>
    <message>
      <source>Keep running in the background</source>
      <translation>Im Hintergrund weiterlaufen</translation>
    </message>
    <message>
      <source>Lan&amp;guage</source>
      <translation>&amp;Sprache</translation>
    </message>
    <message>
      <source>Language of the window</source>
      <translation>Sprache des Fensters</translation>
    </message>
    <message>
      <source>Light</source>
      <translation>Hell</translation>
    </message>
    <message>
      <source>Not available for the demo journal.</source>
      <translation>Für das Demo-Tagebuch nicht verfügbar.</translation>
    </message>
    <message>
      <source>Off: notifications say only "Time to log your mood" and the like, safe on a lock screen or over your shoulder.</source>
      <translation>Aus: Benachrichtigungen sagen nur „Zeit, Ihre Stimmung zu erfassen“ und Ähnliches – unbedenklich auf dem Sperrbildschirm oder wenn jemand mitliest.</translation>
    </message>
    <message>
      <source>Only on days when no mood was logged by then.</source>
      <translation>Nur an Tagen, an denen bis dahin keine Stimmung erfasst wurde.</translation>
    </message>
    <message>
      <source>Open the security settings</source>
      <translation>Die Sicherheitseinstellungen öffnen</translation>
    </message>
    <message>
      <source>Optional: your own numbers and contacts, one per line (replaces the list above)</source>
      <translation>Optional: Ihre eigenen Nummern und Kontakte, einer pro Zeile (ersetzt die Liste oben)</translation>
    </message>
    <message>
      <source>PDF &amp;paper</source>
      <translation>&amp;Papierformat des PDF</translation>
    </message>
    <message>
      <source>Paper of the clinician PDF</source>
      <translation>Papierformat des PDF für Behandelnde</translation>
    </message>
    <message>
      <source>Questionnaires &amp;due every</source>
      <translation>Fragebögen fällig a&amp;lle</translation>
    </message>
    <message>
      <source>Questionnaires due every</source>
      <translation>Fragebögen fällig alle</translation>
    </message>
    <message>
      <source>Remind me to log my &amp;mood every day at</source>
      <translation>&amp;Täglich ans Erfassen der Stimmung erinnern, um</translation>
    </message>
    <message>
      <source>Reminders</source>
      <translation>Erinnerungen</translation>
    </message>
    <message>
      <source>Reminders come while the window is closed; a tray icon (where your desktop has one) and the notifications bring it back.</source>
      <translation>Erinnerungen kommen auch bei geschlossenem Fenster; ein Symbol im Infobereich (wo Ihre Arbeitsumgebung einen hat) und die Benachrichtigungen holen es zurück.</translation>
    </message>
    <message>
      <source>Se&amp;curity: passphrase, recovery key, auto-lock…</source>
      <translation>Si&amp;cherheit: Passphrase, Wiederherstellungsschlüssel, automatisches Sperren…</translation>
    </message>
    <message>
      <source>Settings</source>
      <translation>Einstellungen</translation>
    </message>
    <message>
      <source>Show de&amp;tails in notifications (session dates, questionnaire names)</source>
      <translation>&amp;Details in Benachrichtigungen zeigen (Sitzungstermine, Namen der Fragebögen)</translation>
    </message>
    <message>
      <source>Start at login</source>
      <translation>Beim Anmelden starten</translation>
    </message>
    <message>
      <source>Start at login could not be changed: {reason}.</source>
      <translation>Das Starten beim Anmelden konnte nicht geändert werden: {reason}.</translation>
    </message>
    <message>
      <source>Start in the background when I &amp;log in</source>
      <translation>Beim &amp;Anmelden im Hintergrund starten</translation>
    </message>
    <message>
      <source>System default</source>
      <translation>Wie das System</translation>
    </message>
    <message>
      <source>The booster threshold T is set on the Boosters screen.</source>
      <translation>Die Booster-Schwelle T wird in der Ansicht Booster festgelegt.</translation>
    </message>
    <message>
      <source>The new language takes effect when you next open ketajournal.</source>
      <translation>Die neue Sprache gilt ab dem nächsten Start von ketajournal.</translation>
    </message>
    <message>
      <source>US Letter</source>
      <translation>US Letter</translation>
    </message>
    <message>
      <source>When the new language takes effect</source>
      <translation>Wann die neue Sprache gilt</translation>
    </message>
    <message>
      <source>Your own crisis resources</source>
      <translation>Ihre eigene Krisenhilfe</translation>
    </message>
    <message>
      <source>total below </source>
      <translation>gesamt unter </translation>
    </message>
    <message>
      <source>{day}: total {total}</source>
      <translation>{day}: gesamt {total}</translation>
    </message>
    <message>
      <source>{title} baseline</source>
      <translation>{title}: Ausgangswert</translation>
    </message>
    <message>
      <source>{title} remission</source>
      <translation>{title}: Remission</translation>
    </message>
    <message>
      <source>{title} remission threshold</source>
      <translation>{title}: Schwelle der Remission</translation>
    </message>
  </context>
  <context>
    <name>Sync</name>
    <message>
      <source>C&amp;hange the sync folder…</source>
      <translation>Sync-Ordner &amp;wechseln…</translation>
    </message>
    <message>
      <source>Choose a folder you sync to link this journal</source>
      <translation>Einen Ordner wählen, den Sie synchronisieren, um dieses Tagebuch damit zu verbinden</translation>
    </message>
    <message>
      <source>Choose the folder to sync through</source>
      <translation>Den Ordner für die Synchronisierung wählen</translation>
    </message>
    <message>
      <source>Not set up. Choose a folder you already sync between your computers (Syncthing, Nextcloud, Dropbox, a USB stick); only encrypted files go there.</source>
      <translation>Nicht eingerichtet. Wählen Sie einen Ordner, den Sie bereits zwischen Ihren Computern synchronisieren (Syncthing, Nextcloud, Dropbox, ein USB-Stick); dorthin gelangen nur verschlüsselte Dateien.</translation>
    </message>
    <message>
      <source>Set &amp;up sync…</source>
      <translation>Synchronisierung ei&amp;nrichten…</translation>
    </message>
    <message>
      <source>Sync &amp;now</source>
      <translation>Jetzt s&amp;ynchronisieren</translation>
    </message>
    <message>
      <source>Sync status</source>
      <translation>Synchronisierungsstatus</translation>
    </message>
    <message>
      <source>Sync waited: {reason}</source>
      <translation>Synchronisierung wartet: {reason}</translation>
    </message>
    <message>
      <source>Sync with your other computers</source>
      <translation>Mit Ihren anderen Computern synchronisieren</translation>
    </message>
    <message>
      <source>Sync: the folder could not be used ({reason}).</source>
      <translation>Synchronisierung: Der Ordner konnte nicht verwendet werden ({reason}).</translation>
    </message>
    <message>
      <source>Sync: {error}</source>
      <translation>Synchronisierung: {error}</translation>
    </message>
    <message>
      <source>{status}
Folder: {folder}</source>
      <translation>{status}
Ordner: {folder}</translation>
    </message>
  </context>
  <context>
    <name>SyncComputers</name>
    <message>
      <source>&amp;Remove this computer…</source>
      <translation>Diesen Computer &amp;entfernen…</translation>
    </message>
    <message>
      <source>A computer</source>
      <translation>Ein Computer</translation>
    </message>
    <message>
      <source>Computers in the sync folder</source>
      <translation>Computer im Sync-Ordner</translation>
    </message>
    <message>
      <source>Computers:</source>
      <translation>Computer:</translation>
    </message>
    <message>
      <source>Problem</source>
      <translation>Problem</translation>
    </message>
    <message>
      <source>Recovery key or passphrase</source>
      <translation>Wiederherstellungsschlüssel oder Passphrase</translation>
    </message>
    <message>
      <source>Remove the selected computer from sync</source>
      <translation>Den gewählten Computer aus der Synchronisierung entfernen</translation>
    </message>
    <message>
      <source>Remove {name}</source>
      <translation>{name} entfernen</translation>
    </message>
    <message>
      <source>Remove {name} from sync</source>
      <translation>{name} aus der Synchronisierung entfernen</translation>
    </message>
    <message>
      <source>Removing the computer and making a new sync key…</source>
      <translation>Der Computer wird entfernt und ein neuer Sync-Schlüssel erstellt…</translation>
    </message>
    <message>
      <source>Removing {name} gives every other computer a new sync key that {name} does not get.

What it does: changes made on {name} from now on are refused by your other computers, and {name} cannot read what they write from now on. Its own sync stops with a message.

What it does not do: {name} keeps everything it already has — its journal and everything it synced until now. Your recovery key and passphrase still open the journal and can join the folder again: if someone with {name} may know them, make a new recovery key (and passphrase) in Security… first. The sync service still sees the folder names and when each computer wrote.</source>
      <translation>Wenn Sie {name} entfernen, erhält jeder andere Computer einen neuen Sync-Schlüssel, den {name} nicht bekommt.

Was es bewirkt: Änderungen, die ab jetzt auf {name} gemacht werden, lehnen Ihre anderen Computer ab, und {name} kann ab jetzt nicht mehr lesen, was diese schreiben. Seine eigene Synchronisierung endet mit einer Meldung.

Was es nicht bewirkt: {name} behält alles, was dort schon ist — sein Tagebuch und alles, was bis jetzt synchronisiert wurde. Ihr Wiederherstellungsschlüssel und Ihre Passphrase öffnen das Tagebuch weiterhin und können dem Ordner wieder beitreten: Wenn jemand mit {name} sie kennen könnte, erstellen Sie zuerst unter Sicherheit… einen neuen Wiederherstellungsschlüssel (und eine neue Passphrase). Der Sync-Dienst sieht weiterhin die Ordnernamen und wann jeder Computer geschrieben hat.</translation>
    </message>
    <message>
      <source>To confirm, type the journal's recovery key or passphrase (computers that join later will use it):</source>
      <translation>Geben Sie zur Bestätigung den Wiederherstellungsschlüssel oder die Passphrase des Tagebuchs ein (Computer, die später beitreten, verwenden sie):</translation>
    </message>
    <message>
      <source>computer …{id}</source>
      <translation>Computer …{id}</translation>
    </message>
    <message numerus="yes">
      <source>last seen %n hour(s) ago</source>
      <translation>
        <numerusform>zuletzt gesehen vor %n Stunde</numerusform>
        <numerusform>zuletzt gesehen vor %n Stunden</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>last seen %n min ago</source>
      <translation>
        <numerusform>zuletzt gesehen vor %n Min.</numerusform>
        <numerusform>zuletzt gesehen vor %n Min.</numerusform>
      </translation>
    </message>
    <message>
      <source>last seen just now</source>
      <translation>zuletzt gesehen gerade eben</translation>
    </message>
    <message>
      <source>last seen on {date}</source>
      <translation>zuletzt gesehen am {date}</translation>
    </message>
    <message>
      <source>never seen</source>
      <translation>nie gesehen</translation>
    </message>
    <message>
      <source>removed on {date}</source>
      <translation>entfernt am {date}</translation>
    </message>
    <message>
      <source>this computer</source>
      <translation>dieser Computer</translation>
    </message>
    <message>
      <source>{problem} Nothing was removed.</source>
      <translation>{problem} Es wurde nichts entfernt.</translation>
    </message>
  </context>
  <context>
    <name>Tasks</name>
    <message>
      <source>The file could not be written ({reason}).</source>
      <translation>Die Datei konnte nicht geschrieben werden ({reason}).</translation>
    </message>
    <message>
      <source>{task} failed</source>
      <translation>{task} fehlgeschlagen</translation>
    </message>
  </context>
  <context>
    <name>Timeline</name>
    <message>
      <source> → {bp} leaving</source>
      <translation> → {bp} beim Gehen</translation>
    </message>
    <message>
      <source>&amp;Delete</source>
      <translation>&amp;Löschen</translation>
    </message>
    <message>
      <source>&amp;Show:</source>
      <translation>&amp;Zeigen:</translation>
    </message>
    <message>
      <source>, {minutes} min</source>
      <translation>, {minutes} min</translation>
    </message>
    <message>
      <source>; question {number} answered above 0</source>
      <translation>; Frage {number} höher als 0 beantwortet</translation>
    </message>
    <message>
      <source>All entries, newest first</source>
      <translation>Alle Einträge, neueste zuerst</translation>
    </message>
    <message>
      <source>All kinds</source>
      <translation>Alle Arten</translation>
    </message>
    <message>
      <source>BP {before} → {after}</source>
      <translation>RR {before} → {after}</translation>
    </message>
    <message>
      <source>Delete the selected entry</source>
      <translation>Den gewählten Eintrag löschen</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>Details</translation>
    </message>
    <message>
      <source>Ed&amp;it…</source>
      <translation>Ä&amp;ndern…</translation>
    </message>
    <message>
      <source>Edit the selected entry</source>
      <translation>Den gewählten Eintrag ändern</translation>
    </message>
    <message>
      <source>HR {} bpm</source>
      <translation>HF {} /min</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Art</translation>
    </message>
    <message>
      <source>Mood {score}/10</source>
      <translation>Stimmung {score}/10</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Notiz</translation>
    </message>
    <message>
      <source>RED FLAG — {text}</source>
      <translation>WARNZEICHEN — {text}</translation>
    </message>
    <message>
      <source>Search in notes</source>
      <translation>In Notizen suchen</translation>
    </message>
    <message>
      <source>Show kind</source>
      <translation>Art zeigen</translation>
    </message>
    <message>
      <source>Timeline message</source>
      <translation>Meldung des Verlaufs</translation>
    </message>
    <message>
      <source>Timeline → Delete the selected entry</source>
      <translation>Verlauf → Den ausgewählten Eintrag löschen</translation>
    </message>
    <message>
      <source>Timeline → Edit the selected entry</source>
      <translation>Verlauf → Den ausgewählten Eintrag bearbeiten</translation>
    </message>
    <message>
      <source>When</source>
      <translation>Wann</translation>
    </message>
    <message>
      <source>anxiety {score}/10</source>
      <translation>Angst {score}/10</translation>
    </message>
    <message>
      <source>dissociation {score}/10</source>
      <translation>Dissoziation {score}/10</translation>
    </message>
    <message>
      <source>energy {score}/10</source>
      <translation>Energie {score}/10</translation>
    </message>
    <message>
      <source>observed {} min</source>
      <translation>{} min beobachtet</translation>
    </message>
    <message>
      <source>slept {hours} h</source>
      <translation>{hours} h geschlafen</translation>
    </message>
    <message>
      <source>{kind} deleted. Edit → Undo (Ctrl+Z) brings it back.</source>
      <translation>{kind} gelöscht. Bearbeiten → Rückgängig (Strg+Z) holt es zurück.</translation>
    </message>
    <message>
      <source>{label}, severity {score}/10</source>
      <translation>{label}, Schweregrad {score}/10</translation>
    </message>
  </context>
  <context>
    <name>Today</name>
    <message>
      <source> and </source>
      <translation> und </translation>
    </message>
    <message>
      <source>&amp;Note (optional):</source>
      <translation>N&amp;otiz (optional):</translation>
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation>Rüc&amp;kgängig</translation>
    </message>
    <message>
      <source>, change {percent} %</source>
      <translation>, Veränderung {percent} %</translation>
    </message>
    <message>
      <source>Acknowledge</source>
      <translation>Zur Kenntnis genommen</translation>
    </message>
    <message>
      <source>Acknowledge this answer (it stays in reports)</source>
      <translation>Diese Antwort zur Kenntnis nehmen (sie bleibt in den Berichten)</translation>
    </message>
    <message>
      <source>An&amp;xiety</source>
      <translation>An&amp;gst</translation>
    </message>
    <message>
      <source>Anxiety</source>
      <translation>Angst</translation>
    </message>
    <message>
      <source>Baseline: the last one before your first treatment session, unless you picked one in Settings. Change = (latest − baseline) ÷ baseline. Response: latest total at least 50 % lower than baseline. Remission: latest total below {thresholds}.</source>
      <translation>Ausgangswert: der letzte vor Ihrer ersten Behandlungssitzung, außer Sie haben in den Einstellungen einen gewählt. Veränderung = (neuester − Ausgangswert) ÷ Ausgangswert. Ansprechen: neuester Gesamtwert mindestens 50 % unter dem Ausgangswert. Remission: neuester Gesamtwert unter {thresholds}.</translation>
    </message>
    <message>
      <source>Click a number or type it to save it. {worst} = worst, {best} = best.</source>
      <translation>Klicken oder tippen Sie eine Zahl, um sie zu speichern. {worst} = am schlechtesten, {best} = am besten.</translation>
    </message>
    <message>
      <source>Continue: {form}</source>
      <translation>Fortsetzen: {form}</translation>
    </message>
    <message>
      <source>Continue…</source>
      <translation>Fortsetzen…</translation>
    </message>
    <message>
      <source>Did your session happen?</source>
      <translation>Hat Ihre Sitzung stattgefunden?</translation>
    </message>
    <message>
      <source>Discard</source>
      <translation>Verwerfen</translation>
    </message>
    <message>
      <source>Discard: {form}</source>
      <translation>Verwerfen: {form}</translation>
    </message>
    <message>
      <source>Dismiss</source>
      <translation>Ausblenden</translation>
    </message>
    <message>
      <source>Dismiss: {item}</source>
      <translation>Ausblenden: {item}</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>Fällig</translation>
    </message>
    <message>
      <source>Ener&amp;gy</source>
      <translation>E&amp;nergie</translation>
    </message>
    <message>
      <source>Energy</source>
      <translation>Energie</translation>
    </message>
    <message>
      <source>Fill in the {title}</source>
      <translation>{title} ausfüllen</translation>
    </message>
    <message>
      <source>Fill in {title}</source>
      <translation>{title} ausfüllen</translation>
    </message>
    <message>
      <source>Fill in {title}…</source>
      <translation>{title} ausfüllen…</translation>
    </message>
    <message>
      <source>Fill in…</source>
      <translation>Ausfüllen…</translation>
    </message>
    <message>
      <source>Hides this here; the answer stays flagged in your reports.</source>
      <translation>Blendet dies hier aus; die Antwort bleibt in Ihren Berichten markiert.</translation>
    </message>
    <message>
      <source>How is your mood right now?</source>
      <translation>Wie ist Ihre Stimmung gerade?</translation>
    </message>
    <message>
      <source>It happened</source>
      <translation>Hat stattgefunden</translation>
    </message>
    <message>
      <source>It was missed</source>
      <translation>Wurde verpasst</translation>
    </message>
    <message>
      <source>Log &amp;an event…</source>
      <translation>Ere&amp;ignis erfassen…</translation>
    </message>
    <message>
      <source>Log a &amp;session…</source>
      <translation>Sitzung er&amp;fassen…</translation>
    </message>
    <message>
      <source>Log a si&amp;de effect…</source>
      <translation>Neben&amp;wirkung erfassen…</translation>
    </message>
    <message>
      <source>Log a side effect</source>
      <translation>Eine Nebenwirkung erfassen</translation>
    </message>
    <message>
      <source>Log a treatment session</source>
      <translation>Eine Behandlungssitzung erfassen</translation>
    </message>
    <message>
      <source>Log an event</source>
      <translation>Ein Ereignis erfassen</translation>
    </message>
    <message>
      <source>Mark planned session done</source>
      <translation>Geplante Sitzung als erfolgt markieren</translation>
    </message>
    <message>
      <source>Mark planned session missed</source>
      <translation>Geplante Sitzung als verpasst markieren</translation>
    </message>
    <message>
      <source>More details (anxiety, energy, sleep, time, tags)</source>
      <translation>Mehr Details (Angst, Energie, Schlaf, Uhrzeit, Tags)</translation>
    </message>
    <message>
      <source>Needs your attention</source>
      <translation>Braucht Ihre Aufmerksamkeit</translation>
    </message>
    <message>
      <source>Next planned session</source>
      <translation>Nächste geplante Sitzung</translation>
    </message>
    <message>
      <source>Next session: {when}</source>
      <translation>Nächste Sitzung: {when}</translation>
    </message>
    <message>
      <source>No, it was missed</source>
      <translation>Nein, sie wurde verpasst</translation>
    </message>
    <message>
      <source>Not saved yet</source>
      <translation>Noch nicht gespeichert</translation>
    </message>
    <message>
      <source>Note for this mood entry</source>
      <translation>Notiz zu diesem Stimmungseintrag</translation>
    </message>
    <message>
      <source>Nothing logged yet today.</source>
      <translation>Heute noch nichts erfasst.</translation>
    </message>
    <message>
      <source>On {day} you answered {title} question {item} (thoughts that you would be better off dead or of hurting yourself) with “{answer}”. Help is available.</source>
      <translation>Am {day} haben Sie Frage {item} des {title} (Gedanken, dass Sie lieber tot wären oder sich Leid zufügen möchten) mit „{answer}“ beantwortet. Es gibt Hilfe.</translation>
    </message>
    <message>
      <source>Planned for {when}.</source>
      <translation>Geplant für {when}.</translation>
    </message>
    <message>
      <source>Planned session</source>
      <translation>Geplante Sitzung</translation>
    </message>
    <message>
      <source>Planned sessions whose time has passed</source>
      <translation>Geplante Sitzungen, deren Zeit vorbei ist</translation>
    </message>
    <message>
      <source>Questionnaires: baseline and now</source>
      <translation>Fragebögen: Ausgangswert und jetzt</translation>
    </message>
    <message>
      <source>Restored what you typed on {when}; choose your mood to save it.</source>
      <translation>Ihre Eingabe vom {when} wurde wiederhergestellt; wählen Sie Ihre Stimmung, um sie zu speichern.</translation>
    </message>
    <message>
      <source>Safety answer</source>
      <translation>Sicherheitsrelevante Antwort</translation>
    </message>
    <message>
      <source>Save mood {score} ({worst} = worst, {best} = best)</source>
      <translation>Stimmung {score} speichern ({worst} = am schlechtesten, {best} = am besten)</translation>
    </message>
    <message>
      <source>Save mood {score} of {best}</source>
      <translation>Stimmung {score} von {best} speichern</translation>
    </message>
    <message>
      <source>Save status</source>
      <translation>Speicherstatus</translation>
    </message>
    <message>
      <source>Saved at {time}.</source>
      <translation>Um {time} gespeichert.</translation>
    </message>
    <message>
      <source>Show crisis resources</source>
      <translation>Krisenhilfe zeigen</translation>
    </message>
    <message>
      <source>Show more details</source>
      <translation>Mehr Details zeigen</translation>
    </message>
    <message>
      <source>Sleep last night (h&amp;ours)</source>
      <translation>&amp;Schlaf letzte Nacht (Stunden)</translation>
    </message>
    <message>
      <source>Sleep last night in hours</source>
      <translation>Schlaf letzte Nacht in Stunden</translation>
    </message>
    <message>
      <source>T&amp;ime</source>
      <translation>&amp;Zeit</translation>
    </message>
    <message>
      <source>Tags (&amp;keywords)</source>
      <translation>Tags (Sti&amp;chwörter)</translation>
    </message>
    <message>
      <source>Tags of this mood entry, separated by commas</source>
      <translation>Tags dieses Stimmungseintrags, durch Kommas getrennt</translation>
    </message>
    <message>
      <source>Time of this mood entry</source>
      <translation>Uhrzeit dieses Stimmungseintrags</translation>
    </message>
    <message>
      <source>Today so far</source>
      <translation>Heute bisher</translation>
    </message>
    <message numerus="yes">
      <source>Today so far: %n mood entry(s).</source>
      <translation>
        <numerusform>Heute bisher: %n Stimmungseintrag.</numerusform>
        <numerusform>Heute bisher: %n Stimmungseinträge.</numerusform>
      </translation>
    </message>
    <message>
      <source>Undo the last save</source>
      <translation>Das letzte Speichern rückgängig machen</translation>
    </message>
    <message>
      <source>Unsaved forms</source>
      <translation>Nicht gespeicherte Formulare</translation>
    </message>
    <message>
      <source>Yes, link the session logged that day</source>
      <translation>Ja, mit der an dem Tag erfassten Sitzung verknüpfen</translation>
    </message>
    <message>
      <source>Yes, log it…</source>
      <translation>Ja, erfassen…</translation>
    </message>
    <message>
      <source>best  {best}</source>
      <translation>am besten  {best}</translation>
    </message>
    <message>
      <source>e.g. walk, friends (separated by commas)</source>
      <translation>z. B. Spaziergang, Freunde (durch Kommas getrennt)</translation>
    </message>
    <message>
      <source>latest {total} ({band}, {day})</source>
      <translation>neuester {total} ({band}, {day})</translation>
    </message>
    <message>
      <source>most</source>
      <translation>am meisten</translation>
    </message>
    <message>
      <source>none</source>
      <translation>keine</translation>
    </message>
    <message>
      <source>worst</source>
      <translation>am schlimmsten</translation>
    </message>
    <message>
      <source>{day}, your pick</source>
      <translation>{day}, von Ihnen gewählt</translation>
    </message>
    <message>
      <source>{day}, {time}</source>
      <translation>{day}, {time}</translation>
    </message>
    <message>
      <source>{day}, {time} at {clinic}</source>
      <translation>{day}, {time} in {clinic}</translation>
    </message>
    <message>
      <source>{form}, typed on {when}.</source>
      <translation>{form}, eingegeben am {when}.</translation>
    </message>
    <message>
      <source>{text}, response {response}, remission {remission}.</source>
      <translation>{text}, Ansprechen {response}, Remission {remission}.</translation>
    </message>
    <message>
      <source>{text}; response and remission {verdict}.</source>
      <translation>{text}; Ansprechen und Remission {verdict}.</translation>
    </message>
    <message>
      <source>{threshold} on {title}</source>
      <translation>{threshold} im {title}</translation>
    </message>
    <message>
      <source>{title} progress</source>
      <translation>Verlauf {title}</translation>
    </message>
    <message>
      <source>{title}: baseline {total} ({baseline}) → {latest}</source>
      <translation>{title}: Ausgangswert {total} ({baseline}) → {latest}</translation>
    </message>
    <message>
      <source>{title}: none filled yet.</source>
      <translation>{title}: noch keiner ausgefüllt.</translation>
    </message>
    <message>
      <source>{title}: {latest}; no baseline.</source>
      <translation>{title}: {latest}; kein Ausgangswert.</translation>
    </message>
    <message>
      <source>{worst}  worst</source>
      <translation>{worst}  am schlechtesten</translation>
    </message>
  </context>
  <context>
    <name>Tray</name>
    <message>
      <source>Lock</source>
      <translation>Sperren</translation>
    </message>
    <message>
      <source>Log mood…</source>
      <translation>Stimmung erfassen…</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>Öffnen</translation>
    </message>
    <message>
      <source>Quit</source>
      <translation>Beenden</translation>
    </message>
  </context>
  <context>
    <name>TrendHover</name>
    <message>
      <source>1 entry</source>
      <translation>1 Eintrag</translation>
    </message>
    <message numerus="yes">
      <source>daily mean of %n entry(s)</source>
      <translation>
        <numerusform>Tagesmittel aus %n Eintrag</numerusform>
        <numerusform>Tagesmittel aus %n Einträgen</numerusform>
      </translation>
    </message>
    <message>
      <source>{day} — anxiety {score} (10 = worst; {entries})</source>
      <translation>{day} — Angst {score} (10 = am schlimmsten; {entries})</translation>
    </message>
    <message>
      <source>{day} — mood {score} ({entries}); 7-day mean {mean}</source>
      <translation>{day} — Stimmung {score} ({entries}); 7-Tage-Mittel {mean}</translation>
    </message>
    <message>
      <source>{day} — sleep {hours} h ({entries})</source>
      <translation>{day} — Schlaf {hours} h ({entries})</translation>
    </message>
  </context>
  <context>
    <name>TrendTable</name>
    <message>
      <source>7-day mean</source>
      <translation>7-Tage-Mittel</translation>
    </message>
    <message>
      <source>Chart data: one row per day</source>
      <translation>Diagrammdaten: eine Zeile pro Tag</translation>
    </message>
    <message>
      <source>Day</source>
      <translation>Tag</translation>
    </message>
    <message>
      <source>Mood</source>
      <translation>Stimmung</translation>
    </message>
    <message>
      <source>Sessions</source>
      <translation>Sitzungen</translation>
    </message>
    <message>
      <source>The Trends chart as a table, newest day first: daily mood, its 7-day mean and the sessions of that day.</source>
      <translation>Das Trend-Diagramm als Tabelle, neuester Tag zuerst: Tagesstimmung, ihr 7-Tage-Mittel und die Sitzungen des Tages.</translation>
    </message>
    <message>
      <source>none</source>
      <translation>keine</translation>
    </message>
    <message>
      <source>{column}: {value}</source>
      <translation>{column}: {value}</translation>
    </message>
  </context>
  <context>
    <name>Trends</name>
    <message>
      <source>. Vertical lines: treatment sessions; hollow rings at the top: sessions still planned. Triangles: side effects (pointing up: a red flag). Small diamonds on the bottom row, with a dotted line and a label: medication starts, dose changes and stops. </source>
      <translation>. Senkrechte Linien: Behandlungssitzungen; hohle Ringe oben: noch geplante Sitzungen. Dreiecke: Nebenwirkungen (nach oben zeigend: ein Warnzeichen). Kleine Rauten in der untersten Reihe, mit gepunkteter Linie und Beschriftung: Beginn, Dosisänderung und Absetzen von Medikamenten. </translation>
    </message>
    <message>
      <source>Crosses (Show sleep): sleep in hours on the left scale; {definition}.</source>
      <translation>Kreuze (Schlaf zeigen): Schlaf in Stunden auf der linken Skala; {definition}.</translation>
    </message>
    <message>
      <source>Diamonds and hexagons: PHQ-9 and GAD-7 totals on the right axis ({definition}); shaded: the {title} severity bands ({bands}). </source>
      <translation>Rauten und Sechsecke: PHQ-9- und GAD-7-Summenwerte auf der rechten Achse ({definition}); schattiert: die Schweregradbereiche des {title} ({bands}). </translation>
    </message>
    <message>
      <source>Hide the &amp;data table</source>
      <translation>Datentabe&amp;lle ausblenden</translation>
    </message>
    <message>
      <source>Points: daily mood (mean of the day's entries). </source>
      <translation>Punkte: Tagesstimmung (Mittel der Einträge des Tages). </translation>
    </message>
    <message>
      <source>Show the &amp;data as a table</source>
      <translation>Daten als Tabe&amp;lle zeigen</translation>
    </message>
    <message>
      <source>Show the chart data as a table</source>
      <translation>Die Diagrammdaten als Tabelle zeigen</translation>
    </message>
  </context>
  <context>
    <name>TrendsChart</name>
    <message>
      <source>1 year</source>
      <translation>1 Jahr</translation>
    </message>
    <message>
      <source>30 days</source>
      <translation>30 Tage</translation>
    </message>
    <message>
      <source>7-day mean</source>
      <translation>7-Tage-Mittel</translation>
    </message>
    <message>
      <source>90 days</source>
      <translation>90 Tage</translation>
    </message>
    <message>
      <source>All</source>
      <translation>Alles</translation>
    </message>
    <message>
      <source>Anxiety (0–10, 10 = worst), on the left mood scale</source>
      <translation>Angst (0–10, 10 = am schlimmsten), auf der linken Stimmungsskala</translation>
    </message>
    <message>
      <source>Anxiety (left axis, 10 = worst)</source>
      <translation>Angst (linke Achse, 10 = am schlimmsten)</translation>
    </message>
    <message>
      <source>Booster session</source>
      <translation>Booster-Sitzung</translation>
    </message>
    <message>
      <source>Daily mood</source>
      <translation>Tagesstimmung</translation>
    </message>
    <message>
      <source>Daily mood and its 7-day mean over time, with treatment sessions as vertical lines and side effects as triangles below zero (red flags point up); PHQ-9 and GAD-7 totals on the right axis over the shaded PHQ-9 severity bands.</source>
      <translation>Tagesstimmung und ihr 7-Tage-Mittel im Zeitverlauf, Behandlungssitzungen als senkrechte Linien und Nebenwirkungen als Dreiecke unter null (Warnzeichen zeigen nach oben); PHQ-9- und GAD-7-Gesamtwerte auf der rechten Achse über den schattierten PHQ-9-Schweregraden.</translation>
    </message>
    <message>
      <source>Induction session</source>
      <translation>Induktionssitzung</translation>
    </message>
    <message>
      <source>Medication change</source>
      <translation>Medikamentenänderung</translation>
    </message>
    <message>
      <source>Mood (0–10, 10 = best)</source>
      <translation>Stimmung (0–10, 10 = beste)</translation>
    </message>
    <message>
      <source>Mood (10 = best) · anxiety (10 = worst)</source>
      <translation>Stimmung (10 = beste) · Angst (10 = schlimmste)</translation>
    </message>
    <message>
      <source>Mood trend chart</source>
      <translation>Stimmungsdiagramm</translation>
    </message>
    <message>
      <source>Mood · anxiety (0–10) · sleep (hours)</source>
      <translation>Stimmung · Angst (0–10) · Schlaf (Stunden)</translation>
    </message>
    <message>
      <source>PHQ-9 / GAD-7 total (0–27 / 0–21)</source>
      <translation>PHQ-9 / GAD-7 gesamt (0–27 / 0–21)</translation>
    </message>
    <message>
      <source>Planned session</source>
      <translation>Geplante Sitzung</translation>
    </message>
    <message>
      <source>Range:</source>
      <translation>Zeitraum:</translation>
    </message>
    <message>
      <source>Red-flag side effect</source>
      <translation>Nebenwirkung mit Warnzeichen</translation>
    </message>
    <message>
      <source>Show PHQ-9 / GAD-7</source>
      <translation>PHQ-9 / GAD-7 zeigen</translation>
    </message>
    <message>
      <source>Show PHQ-9 and GAD-7 totals</source>
      <translation>PHQ-9- und GAD-7-Gesamtwerte zeigen</translation>
    </message>
    <message>
      <source>Show all data</source>
      <translation>Alle Daten zeigen</translation>
    </message>
    <message>
      <source>Show anxiety</source>
      <translation>Angst zeigen</translation>
    </message>
    <message>
      <source>Show anxiety line</source>
      <translation>Angstlinie zeigen</translation>
    </message>
    <message>
      <source>Show sleep</source>
      <translation>Schlaf zeigen</translation>
    </message>
    <message>
      <source>Show sleep hours</source>
      <translation>Schlafstunden zeigen</translation>
    </message>
    <message>
      <source>Show the last 30 days</source>
      <translation>Die letzten 30 Tage zeigen</translation>
    </message>
    <message>
      <source>Show the last 90 days</source>
      <translation>Die letzten 90 Tage zeigen</translation>
    </message>
    <message>
      <source>Show the last year</source>
      <translation>Das letzte Jahr zeigen</translation>
    </message>
    <message>
      <source>Side effect</source>
      <translation>Nebenwirkung</translation>
    </message>
    <message>
      <source>Sleep (hours, left axis)</source>
      <translation>Schlaf (Stunden, linke Achse)</translation>
    </message>
    <message>
      <source>Sleep in hours, on the left scale (it grows past 10 for long nights)</source>
      <translation>Schlaf in Stunden, auf der linken Skala (bei langen Nächten über 10 hinaus)</translation>
    </message>
    <message>
      <source>sleep (hours)</source>
      <translation>Schlaf (Stunden)</translation>
    </message>
    <message>
      <source>{axis}, on the right axis. {definition}.</source>
      <translation>{axis}, auf der rechten Achse. {definition}.</translation>
    </message>
    <message>
      <source>{title} total (right axis, 0–{top})</source>
      <translation>{title} gesamt (rechte Achse, 0–{top})</translation>
    </message>
  </context>
  <context>
    <name>Year</name>
    <message numerus="yes">
      <source>%n day(s) with a mood entry</source>
      <translation>
        <numerusform>%n Tag mit Stimmungseintrag</numerusform>
        <numerusform>%n Tage mit Stimmungseintrag</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n session day(s).</source>
      <translation>
        <numerusform>%n Sitzungstag.</numerusform>
        <numerusform>%n Sitzungstage.</numerusform>
      </translation>
    </message>
    <message>
      <source>&amp;Year:</source>
      <translation>&amp;Jahr:</translation>
    </message>
    <message>
      <source>, a session day</source>
      <translation>, ein Sitzungstag</translation>
    </message>
    <message>
      <source>, slept {hours} h</source>
      <translation>, {hours} h geschlafen</translation>
    </message>
    <message>
      <source>Arrow keys: up and down a day, left and right a month.</source>
      <translation>Pfeiltasten: hoch und runter ein Tag, links und rechts ein Monat.</translation>
    </message>
    <message>
      <source>Entries of the chosen day</source>
      <translation>Einträge des gewählten Tages</translation>
    </message>
    <message>
      <source>Mood 0</source>
      <translation>Stimmung 0</translation>
    </message>
    <message>
      <source>No entries on this day.</source>
      <translation>Keine Einträge an diesem Tag.</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>Jahr</translation>
    </message>
    <message>
      <source>Year in pixels</source>
      <translation>Jahr in Pixeln</translation>
    </message>
    <message>
      <source>daily mood {step}</source>
      <translation>Tagesstimmung {step}</translation>
    </message>
    <message>
      <source>no mood entry</source>
      <translation>kein Stimmungseintrag</translation>
    </message>
    <message>
      <source>{time}  mood {score}</source>
      <translation>{time}  Stimmung {score}</translation>
    </message>
    <message>
      <source>{time}  session ({phase}, {route})</source>
      <translation>{time}  Sitzung ({phase}, {route})</translation>
    </message>
  </context>
</TS>
