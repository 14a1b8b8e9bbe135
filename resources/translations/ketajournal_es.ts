<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
  <context>
    <name>Boosters</name>
    <message>
      <source>&amp;Automatic</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Cycles, newest first:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>. Needs {needs}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A question for your clinician: is the next booster due around {day}? ({basis})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Adds a planned session on that date (at the time of your last session), noted as a question for your clinician. Edit → Undo takes it back.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Appl&amp;y</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Apply threshold</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Automatic threshold</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Booster cycles</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Change the threshold T</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Date</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Definitions</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dose (mg)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Held</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>How these numbers are computed.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Medication change</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Next booster: no estimate yet. {basis}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>One row per session, newest first: date, phase, dose, how many days the effect held (durability) and any medication change during the cycle.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Phase</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Plan &amp;it</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Plan the next booster on the estimated date</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>T = B + (P − B) / 2, from your own mood entries</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The estimated date for the next booster, {day}, is already past. A question for your clinician. ({basis})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Thre&amp;shold…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Threshold T = {t} (automatic: B + (P − B) / 2, B = {b}, P = {p})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Threshold T = {t} (set by you)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Threshold T: not available yet. Needs {needs}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Threshold editor</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>a threshold</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>or T =</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>BoostersChart</name>
    <message>
      <source>Booster cycle (older: fainter)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Booster response curves chart</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Daily mood (0–10, 10 = best)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Daily mood on each day after a session, one line per cycle: boosters as solid green lines, the induction series as dotted purple lines, older cycles fainter; the median of the booster cycles as a bold dark blue line and the threshold T as a dashed red line.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Days after the session</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Induction cycle</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Median of booster cycles</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Threshold T</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>Dialogs</name>
    <message>
      <source>&amp;Clinic</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Dose</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Duration</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Heart rate</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Kind</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Note</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Other</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Phase</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Route</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Side effect</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Sleep (hours)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;When</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>After s&amp;ession</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Blood pressure &amp;after (~40 min)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Blood pressure &amp;before</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Blood pressure before &amp;leaving</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Body wei&amp;ght</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Clinic</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Clinic's sedation rating (&amp;MOAA/S, 0–5)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dose per kilogram</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Error message</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ob&amp;servation until ready to leave</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Optional note (private; only in reports if you choose)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Red flag warning</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Restored draft</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Session it follows</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sp&amp;O₂</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>What it was (for Other)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>What was it?</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>When</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>Factors</name>
    <message>
      <source>&amp;Save today's values</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>95 % interval</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Compared</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Days with vs without</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Difference</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Factors compared, strongest evidence first</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Follo&amp;w</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>How the new factor is rated</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Mood on days with and without each factor, compared only between days the same time after a session. Strongest evidence first. These are associations, not proof of a cause.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Name of a new factor</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Saved today's values.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>What the selected comparison says</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Your factors: today's values</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>e.g. alcohol, exercise, therapy homework</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>yes</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>Import</name>
    <message>
      <source>&amp;File</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Preview</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>C&amp;hoose…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Choose the format and the file, then Preview.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Daylio mood labels: a score for each</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Daylio's five moods have defaults (rad 9, good 7, meh 5, bad 3, awful 1); your own labels need a score. Your choices are remembered.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>F&amp;ormat</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>File to import</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Format of the file</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Highest value of the mood scale</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Import from another app</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Import status</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Lowest value of the mood scale</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Mood &amp;scale</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Mood labels and their scores</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The first new entries</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The lowest value is the best mood</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>choose…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>strptime codes: %d day, %m month, %Y year, %H:%M time</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>to</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>Medications</name>
    <message>
      <source>&amp;Class</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Delete this medication</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Dose</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Start a medication…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>As you record them: a dose change applies from its day; a medication is not taken on the day it is stopped. The Boosters screen and the clinician report show each change beside the boosters it overlaps — side by side, never as a cause.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Change</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Change a medication's dose</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Change d&amp;ose…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Class</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Date</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Delete the selected medication with all its doses (Edit → Undo brings it back).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dose</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dose in &amp;mg</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Error message</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Every start, dose change and stop (newest first)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>How &amp;often</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>How often</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Medication</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Medication name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>N&amp;ote</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Note</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Since</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Start a medication</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stop a medication</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stop ta&amp;king…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Taken today ({day})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Taken today: none recorded</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>as prescribed, e.g. 50 mg once a day</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>dose changed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>e.g. sertraline (pick or type)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>mg</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>started</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>Menus</name>
    <message>
      <source>&amp;About ketajournal</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Back up to a file…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Crisis resources…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;File</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Help</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Import from a JSON or CSV file…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Keyboard shortcuts…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Lock</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Log</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Restore from a backup file…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Session…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Settings…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;View</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>E&amp;vent…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Export as &amp;CSV files…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Export as &amp;FHIR bundle…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Export as &amp;JSON…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Export clinician &amp;PDF…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Import from &amp;another app…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Import from a CSV &amp;folder…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Side &amp;effect…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{title} questionnaire…</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>Operations</name>
    <message numerus="yes">
      <source> to %n CSV file(s).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Back up to a file</source>
      <translation type="unfinished" />
    </message>
    <message numerus="yes">
      <source>Backed up %n entry(s) to {file} (encrypted).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Backing up…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Export CSV files into folder</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Export as FHIR R4 bundle</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Export journal as JSON</source>
      <translation type="unfinished" />
    </message>
    <message numerus="yes">
      <source>Exported %n FHIR resource(s) to {file}.</source>
      <translation type="unfinished" />
    </message>
    <message numerus="yes">
      <source>Exported %n entry(s)</source>
      <translation type="unfinished" />
    </message>
    <message numerus="yes">
      <source>Exported %n entry(s) to {file}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Exporting…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Import a CSV export folder</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Import a ketajournal export</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Import finished</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Importing…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Restore from a backup file</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>Plan</name>
    <message>
      <source>&amp;Add…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Change…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Clinic</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Note</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Phase</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Preview</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Route</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Start on or after</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Template</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Weekdays</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;When</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Change any time, or untick a session to leave it out:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Change or move the selected planned session</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Clinic</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Custom: &amp;route</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Custom: e&amp;very</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Esketamine after week &amp;8</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Esketamine weeks of maintenance</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Every</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fr&amp;om a template…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>IM or custom: how &amp;many</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>It happene&amp;d…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Mark the selected session done</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Mark the selected session missed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Mi&amp;ssed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Note</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Nothing planned. Add a session, or plan a series from a template (IV or IM induction, esketamine per its label, or your own).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Number of sessions</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Past</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Phase</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Plan</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Plan from a template</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Plan one session</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Plan sessions from a template</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Plan status</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Planned &amp;dose</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Planned dose</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Planned sessions</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Remove</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Remove the selected planned session</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Route</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Select a planned session first.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Select a session that is still planned first.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Start date</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The planned sessions to save</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Undo the last change</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Upcoming</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Usual t&amp;ime</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Usual time</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Weekdays</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Weeks of maintenance</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>What happened</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>When</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Your own plan, to be reminded and to compare with what happened: the clinic's schedule decides. Edit → Undo takes back any change here.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>the template's own (e.g. mon,wed,fri)</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>Screens</name>
    <message>
      <source>&amp;Boosters</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Today</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A&amp;ppointment</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Factors</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Medications</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Plan</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Screens</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>T&amp;rends</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ti&amp;meline</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Year</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>Timeline</name>
    <message>
      <source>&amp;Delete</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Show:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>All entries, newest first</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Delete the selected entry</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Details</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ed&amp;it…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Edit the selected entry</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Kind</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Note</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Search in notes</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Show kind</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Timeline message</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>When</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>Today</name>
    <message>
      <source> and </source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Note (optional):</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>, change {percent} %</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Acknowledge</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Acknowledge this answer (it stays in reports)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>An&amp;xiety</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Anxiety</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Baseline: the last one before your first treatment session, unless you picked one in Settings. Change = (latest − baseline) ÷ baseline. Response: latest total at least 50 % lower than baseline. Remission: latest total below {thresholds}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Click a number or type it to save it. {worst} = worst, {best} = best.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Continue: {form}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Continue…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Did your session happen?</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Discard</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Discard: {form}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dismiss</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dismiss: {item}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Due</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ener&amp;gy</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Energy</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fill in the {title}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fill in {title}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fill in {title}…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fill in…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Hides this here; the answer stays flagged in your reports.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>How is your mood right now?</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>It happened</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>It was missed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Log &amp;an event…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Log a &amp;session…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Log a si&amp;de effect…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Log a side effect</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Log a treatment session</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Log an event</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Mark planned session done</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Mark planned session missed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>More details (anxiety, energy, sleep, time, tags)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Needs your attention</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Next planned session</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Next session: {when}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No, it was missed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Not saved yet</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Note for this mood entry</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Nothing logged yet today.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>On {day} you answered {title} question {item} (thoughts that you would be better off dead or of hurting yourself) with “{answer}”. Help is available.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Planned for {when}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Planned session</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Planned sessions whose time has passed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Questionnaires: baseline and now</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Restored what you typed on {when}; choose your mood to save it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Safety answer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Save mood {score} ({worst} = worst, {best} = best)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Save mood {score} of {best}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Save status</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Saved at {time}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Show crisis resources</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Show more details</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sleep last night (h&amp;ours)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sleep last night in hours</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>T&amp;ime</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tags (&amp;keywords)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tags of this mood entry, separated by commas</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Time of this mood entry</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Today so far</source>
      <translation type="unfinished" />
    </message>
    <message numerus="yes">
      <source>Today so far: %n mood entry(s).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Undo the last save</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Unsaved forms</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Yes, link the session logged that day</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Yes, log it…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>best  {best}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>e.g. walk, friends (separated by commas)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>latest {total} ({band}, {day})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>most</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>none</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>worst</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{day}, your pick</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{day}, {time}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{day}, {time} at {clinic}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{form}, typed on {when}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{text}, response {response}, remission {remission}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{text}; response and remission {verdict}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{threshold} on {title}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{title} progress</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{title}: baseline {total} ({baseline}) → {latest}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{title}: none filled yet.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{title}: {latest}; no baseline.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{worst}  worst</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>TrendTable</name>
    <message>
      <source>7-day mean</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Chart data: one row per day</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Day</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Mood</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sessions</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The Trends chart as a table, newest day first: daily mood, its 7-day mean and the sessions of that day.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>Trends</name>
    <message>
      <source>Hide the &amp;data table</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Points: daily mood (mean of the day's entries). </source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Show the &amp;data as a table</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Show the chart data as a table</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>TrendsChart</name>
    <message>
      <source>1 year</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>30 days</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>7-day mean</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>90 days</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>All</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Anxiety (0–10, 10 = worst), on the left mood scale</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Anxiety (left axis, 10 = worst)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Booster session</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Daily mood</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Daily mood and its 7-day mean over time, with treatment sessions as vertical lines and side effects as triangles below zero (red flags point up); PHQ-9 and GAD-7 totals on the right axis over the shaded PHQ-9 severity bands.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Induction session</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Medication change</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Mood (0–10, 10 = best)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Mood (10 = best) · anxiety (10 = worst)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Mood trend chart</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Mood · anxiety (0–10) · sleep (hours)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>PHQ-9 / GAD-7 total (0–27 / 0–21)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Planned session</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Range:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Red-flag side effect</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Show PHQ-9 / GAD-7</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Show PHQ-9 and GAD-7 totals</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Show all data</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Show anxiety</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Show anxiety line</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Show sleep</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Show sleep hours</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Show the last 30 days</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Show the last 90 days</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Show the last year</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Side effect</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sleep (hours, left axis)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>sleep (hours)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{title} total (right axis, 0–{top})</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>Year</name>
    <message numerus="yes">
      <source>%n day(s) with a mood entry</source>
      <translation type="unfinished" />
    </message>
    <message numerus="yes">
      <source>%n session day(s).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Year:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>, a session day</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Arrow keys: up and down a day, left and right a month.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Entries of the chosen day</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Mood 0</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Year</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Year in pixels</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>daily mood {step}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>no mood entry</source>
      <translation type="unfinished" />
    </message>
  </context>
</TS>
