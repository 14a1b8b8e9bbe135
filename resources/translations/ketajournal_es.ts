<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
  <context>
    <name>App</name>
    <message>
      <source>Something went wrong inside ketajournal ({kind} at {where}).

Everything you saved before is safe: each entry is written when you log it. This report contains no journal content.</source>
      <translation>Algo ha fallado dentro de ketajournal ({kind} en {where}).

Todo lo que guardó antes está a salvo: cada registro se escribe en el momento en que lo registra. Este informe no contiene nada de su diario.</translation>
    </message>
    <message>
      <source>{app} cannot open your journal</source>
      <translation>{app} no puede abrir su diario</translation>
    </message>
    <message>
      <source>{app}: unexpected error</source>
      <translation>{app}: error inesperado</translation>
    </message>
  </context>
  <context>
    <name>Appointment</name>
    <message>
      <source>Add a &amp;year-in-pixels page</source>
      <translation>Añadir una página de año en &amp;píxeles</translation>
    </message>
    <message>
      <source>Add a year-in-pixels page to the PDF: one square per day coloured by mood</source>
      <translation>Añadir al PDF una página de año en píxeles: un cuadrado por día, coloreado según el ánimo</translation>
    </message>
    <message>
      <source>Appointment message</source>
      <translation>Aviso sobre la cita</translation>
    </message>
    <message>
      <source>E&amp;xport PDF for my clinician…</source>
      <translation>E&amp;xportar PDF para mi equipo clínico…</translation>
    </message>
    <message>
      <source>Export failed</source>
      <translation>La exportación ha fallado</translation>
    </message>
    <message>
      <source>Export the clinician PDF</source>
      <translation>Exportar el PDF para el equipo clínico</translation>
    </message>
    <message>
      <source>First day of the period</source>
      <translation>Primer día del periodo</translation>
    </message>
    <message>
      <source>Fr&amp;om</source>
      <translation>&amp;Desde el</translation>
    </message>
    <message>
      <source>Include my &amp;notes in the PDF</source>
      <translation>Incluir mis &amp;notas en el PDF</translation>
    </message>
    <message>
      <source>Include my notes in the PDF</source>
      <translation>Incluir mis notas en el PDF</translation>
    </message>
    <message>
      <source>Last day of the period</source>
      <translation>Último día del periodo</translation>
    </message>
    <message>
      <source>One page per calendar year of the period: every day's mean mood as a coloured square, sessions ringed.</source>
      <translation>Una página por año natural del periodo: el ánimo medio de cada día como un cuadrado de color, con las sesiones rodeadas por un círculo.</translation>
    </message>
    <message>
      <source>Open the PDF when it is written</source>
      <translation>Abrir el PDF cuando esté escrito</translation>
    </message>
    <message>
      <source>Open when &amp;done</source>
      <translation>Abrir a&amp;l terminar</translation>
    </message>
    <message>
      <source>Optional name for the report</source>
      <translation>Nombre opcional para el informe</translation>
    </message>
    <message>
      <source>Optional name printed on the report</source>
      <translation>Nombre opcional que aparece impreso en el informe</translation>
    </message>
    <message>
      <source>PDF (*.pdf)</source>
      <translation>PDF (*.pdf)</translation>
    </message>
    <message>
      <source>Period:</source>
      <translation>Periodo:</translation>
    </message>
    <message>
      <source>Period: chosen dates</source>
      <translation>Periodo: fechas elegidas</translation>
    </message>
    <message>
      <source>Period: since the last appointment</source>
      <translation>Periodo: desde la última cita</translation>
    </message>
    <message>
      <source>Since the last &amp;appointment</source>
      <translation>Desde la últi&amp;ma cita</translation>
    </message>
    <message>
      <source>Summary for the appointment</source>
      <translation>Resumen para la cita</translation>
    </message>
    <message>
      <source>Writing the PDF…</source>
      <translation>Escribiendo el PDF…</translation>
    </message>
    <message numerus="yes">
      <source>Wrote a PDF of %n page(s): {name}.</source>
      <translation>
        <numerusform>Se ha escrito un PDF de %n página: {name}.</numerusform>
        <numerusform>Se ha escrito un PDF de %n páginas: {name}.</numerusform>
      </translation>
    </message>
    <message>
      <source>to</source>
      <translation>hasta el</translation>
    </message>
  </context>
  <context>
    <name>Boosters</name>
    <message>
      <source>&amp;Automatic</source>
      <translation>Aut&amp;omático</translation>
    </message>
    <message>
      <source>&amp;Cycles, newest first:</source>
      <translation>Cic&amp;los, los más recientes primero:</translation>
    </message>
    <message>
      <source>. Needs {needs}.</source>
      <translation>. Necesita {needs}.</translation>
    </message>
    <message>
      <source>A question for your clinician: is the next booster due around {day}? ({basis})</source>
      <translation>Una pregunta para su equipo clínico: ¿toca el próximo booster hacia el {day}? ({basis})</translation>
    </message>
    <message>
      <source>Adds a planned session on that date (at the time of your last session), noted as a question for your clinician. Edit → Undo takes it back.</source>
      <translation>Añade una sesión planificada en esa fecha (a la hora de su última sesión), anotada como pregunta para su equipo clínico. Editar → Deshacer la retira.</translation>
    </message>
    <message>
      <source>Appl&amp;y</source>
      <translation>A&amp;plicar</translation>
    </message>
    <message>
      <source>Apply threshold</source>
      <translation>Aplicar el umbral</translation>
    </message>
    <message>
      <source>Automatic threshold</source>
      <translation>Umbral automático</translation>
    </message>
    <message>
      <source>Booster cycles</source>
      <translation>Ciclos de booster</translation>
    </message>
    <message>
      <source>Change the threshold T</source>
      <translation>Cambiar el umbral T</translation>
    </message>
    <message>
      <source>Choose an automatic threshold or set your own ({low}–{high})</source>
      <translation>Elija un umbral automático o fije uno propio ({low}–{high})</translation>
    </message>
    <message>
      <source>Daily mood {low}–{high} ({high} = best) that counts as still holding</source>
      <translation>Ánimo diario {low}–{high} ({high} = el mejor) a partir del cual el efecto se considera mantenido</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Fecha</translation>
    </message>
    <message>
      <source>Definitions</source>
      <translation>Definiciones</translation>
    </message>
    <message>
      <source>Dose (mg)</source>
      <translation>Dosis (mg)</translation>
    </message>
    <message>
      <source>Held</source>
      <translation>Duró</translation>
    </message>
    <message>
      <source>How these numbers are computed.</source>
      <translation>Cómo se calculan estas cifras.</translation>
    </message>
    <message>
      <source>Medication change</source>
      <translation>Cambio de medicación</translation>
    </message>
    <message>
      <source>Next booster</source>
      <translation>Próximo booster</translation>
    </message>
    <message>
      <source>Next booster: no estimate yet. {basis}</source>
      <translation>Próximo booster: aún sin estimación. {basis}</translation>
    </message>
    <message>
      <source>One row per session, newest first: date, phase, dose, how many days the effect held (durability) and any medication change during the cycle.</source>
      <translation>Una fila por sesión, la más reciente primero: fecha, fase, dosis, cuántos días duró el efecto (durabilidad) y cualquier cambio de medicación durante el ciclo.</translation>
    </message>
    <message>
      <source>Phase</source>
      <translation>Fase</translation>
    </message>
    <message>
      <source>Plan &amp;it</source>
      <translation>Pla&amp;nificar</translation>
    </message>
    <message>
      <source>Plan the next booster on the estimated date</source>
      <translation>Planificar el próximo booster en la fecha estimada</translation>
    </message>
    <message>
      <source>Planned for {day}, {time}: see Plan (Edit → Undo takes it back).</source>
      <translation>Planificado para el {day}, {time}: vea Plan (Editar → Deshacer lo revierte).</translation>
    </message>
    <message>
      <source>Planned from the estimate</source>
      <translation>Planificado según la estimación</translation>
    </message>
    <message>
      <source>T = B + (P − B) / 2, from your own mood entries</source>
      <translation>T = B + (P − B) / 2, a partir de sus propios registros de ánimo</translation>
    </message>
    <message>
      <source>The estimated date for the next booster, {day}, is already past. A question for your clinician. ({basis})</source>
      <translation>La fecha estimada para el próximo booster, {day}, ya pasó. Una pregunta para su equipo clínico. ({basis})</translation>
    </message>
    <message>
      <source>Thre&amp;shold…</source>
      <translation>&amp;Umbral…</translation>
    </message>
    <message>
      <source>Threshold</source>
      <translation>Umbral</translation>
    </message>
    <message>
      <source>Threshold T = {t} (automatic: B + (P − B) / 2, B = {b}, P = {p})</source>
      <translation>Umbral T = {t} (automático: B + (P − B) / 2, B = {b}, P = {p})</translation>
    </message>
    <message>
      <source>Threshold T = {t} (set by you)</source>
      <translation>Umbral T = {t} (fijado por usted)</translation>
    </message>
    <message>
      <source>Threshold T, daily mood from {low} to {high}</source>
      <translation>Umbral T, ánimo diario de {low} a {high}</translation>
    </message>
    <message>
      <source>Threshold T: not available yet. Needs {needs}.</source>
      <translation>Umbral T: aún no disponible. Necesita {needs}.</translation>
    </message>
    <message>
      <source>Threshold editor</source>
      <translation>Editor del umbral</translation>
    </message>
    <message>
      <source>Threshold error</source>
      <translation>Error del umbral</translation>
    </message>
    <message>
      <source>Tolerance</source>
      <translation>Tolerancia</translation>
    </message>
    <message>
      <source>a threshold</source>
      <translation>un umbral</translation>
    </message>
    <message>
      <source>or T =</source>
      <translation>o T =</translation>
    </message>
  </context>
  <context>
    <name>BoostersChart</name>
    <message>
      <source>Booster cycle (older: fainter)</source>
      <translation>Ciclo de booster (más antiguo: más tenue)</translation>
    </message>
    <message>
      <source>Booster response curves chart</source>
      <translation>Gráfico de curvas de respuesta a los boosters</translation>
    </message>
    <message>
      <source>Daily mood (0–10, 10 = best)</source>
      <translation>Ánimo diario (0–10, 10 = el mejor)</translation>
    </message>
    <message>
      <source>Daily mood on each day after a session, one line per cycle: each booster cycle a thin solid line, the induction series a dotted line, older cycles fainter; the median of the booster cycles a bold solid line, and the threshold T a dashed level line marked T.</source>
      <translation>Ánimo diario en cada día después de una sesión, una línea por ciclo: cada ciclo de booster, una línea continua fina; la serie de inducción, una línea punteada; los ciclos más antiguos, más tenues; la mediana de los ciclos de booster, una línea continua gruesa, y el umbral T, una línea horizontal discontinua marcada con T.</translation>
    </message>
    <message>
      <source>Days after the session</source>
      <translation>Días después de la sesión</translation>
    </message>
    <message>
      <source>Induction cycle</source>
      <translation>Ciclo de inducción</translation>
    </message>
    <message>
      <source>Median of booster cycles</source>
      <translation>Mediana de los ciclos de booster</translation>
    </message>
    <message>
      <source>Median of booster cycles — day {day}: mood {score}</source>
      <translation>Mediana de los ciclos de booster — día {day}: ánimo {score}</translation>
    </message>
    <message>
      <source>Threshold T</source>
      <translation>Umbral T</translation>
    </message>
    <message>
      <source>{cycle} — day {day}: daily mood {score}</source>
      <translation>{cycle} — día {day}: ánimo diario {score}</translation>
    </message>
  </context>
  <context>
    <name>Controller</name>
    <message>
      <source>Delete event</source>
      <translation>Eliminar evento</translation>
    </message>
    <message>
      <source>Delete mood</source>
      <translation>Eliminar ánimo</translation>
    </message>
    <message>
      <source>Delete questionnaire</source>
      <translation>Eliminar cuestionario</translation>
    </message>
    <message>
      <source>Delete session</source>
      <translation>Eliminar sesión</translation>
    </message>
    <message>
      <source>Delete side effect</source>
      <translation>Eliminar efecto secundario</translation>
    </message>
    <message>
      <source>Edit event</source>
      <translation>Editar evento</translation>
    </message>
    <message>
      <source>Edit mood</source>
      <translation>Editar ánimo</translation>
    </message>
    <message>
      <source>Edit questionnaire</source>
      <translation>Editar cuestionario</translation>
    </message>
    <message>
      <source>Edit session</source>
      <translation>Editar sesión</translation>
    </message>
    <message>
      <source>Edit side effect</source>
      <translation>Editar efecto secundario</translation>
    </message>
    <message>
      <source>Log event</source>
      <translation>Registrar evento</translation>
    </message>
    <message>
      <source>Log mood</source>
      <translation>Registrar ánimo</translation>
    </message>
    <message>
      <source>Log questionnaire</source>
      <translation>Registrar cuestionario</translation>
    </message>
    <message>
      <source>Log session</source>
      <translation>Registrar sesión</translation>
    </message>
    <message>
      <source>Log side effect</source>
      <translation>Registrar efecto secundario</translation>
    </message>
  </context>
  <context>
    <name>Dialogs</name>
    <message>
      <source>&amp;Anxiety</source>
      <translation>&amp;Ansiedad</translation>
    </message>
    <message>
      <source>&amp;Clinic</source>
      <translation>C&amp;línica</translation>
    </message>
    <message>
      <source>&amp;Dose</source>
      <translation>&amp;Dosis</translation>
    </message>
    <message>
      <source>&amp;Duration</source>
      <translation>D&amp;uración</translation>
    </message>
    <message>
      <source>&amp;Energy</source>
      <translation>&amp;Energía</translation>
    </message>
    <message>
      <source>&amp;Heart rate</source>
      <translation>Frecuencia ca&amp;rdiaca</translation>
    </message>
    <message>
      <source>&amp;Kind</source>
      <translation>&amp;Tipo</translation>
    </message>
    <message>
      <source>&amp;Mood</source>
      <translation>Áni&amp;mo</translation>
    </message>
    <message>
      <source>&amp;Note</source>
      <translation>&amp;Nota</translation>
    </message>
    <message>
      <source>&amp;Other</source>
      <translation>&amp;Otro</translation>
    </message>
    <message>
      <source>&amp;Phase</source>
      <translation>&amp;Fase</translation>
    </message>
    <message>
      <source>&amp;Route</source>
      <translation>&amp;Vía</translation>
    </message>
    <message>
      <source>&amp;Side effect</source>
      <translation>&amp;Efecto secundario</translation>
    </message>
    <message>
      <source>&amp;Sleep (hours)</source>
      <translation>&amp;Sueño (horas)</translation>
    </message>
    <message>
      <source>&amp;When</source>
      <translation>&amp;Cuándo</translation>
    </message>
    <message>
      <source>After s&amp;ession</source>
      <translation>Tras la se&amp;sión</translation>
    </message>
    <message>
      <source>Anxiety</source>
      <translation>Ansiedad</translation>
    </message>
    <message>
      <source>Blood pressure &amp;after (~40 min)</source>
      <translation>Presión arterial desp&amp;ués (~40 min)</translation>
    </message>
    <message>
      <source>Blood pressure &amp;before</source>
      <translation>Presión arterial &amp;antes</translation>
    </message>
    <message>
      <source>Blood pressure after</source>
      <translation>Presión arterial después</translation>
    </message>
    <message>
      <source>Blood pressure before</source>
      <translation>Presión arterial antes</translation>
    </message>
    <message>
      <source>Blood pressure before &amp;leaving</source>
      <translation>Presión arterial antes de &amp;irse</translation>
    </message>
    <message>
      <source>Blood pressure before leaving</source>
      <translation>Presión arterial antes de irse</translation>
    </message>
    <message>
      <source>Body wei&amp;ght</source>
      <translation>&amp;Peso corporal</translation>
    </message>
    <message>
      <source>Body weight in kilograms</source>
      <translation>Peso corporal en kilogramos</translation>
    </message>
    <message>
      <source>Clinic</source>
      <translation>Clínica</translation>
    </message>
    <message>
      <source>Clinic's sedation rating (&amp;MOAA/S, 0–5)</source>
      <translation>Sedación según la clínica (&amp;MOAA/S, 0–5)</translation>
    </message>
    <message>
      <source>D&amp;issociation</source>
      <translation>Di&amp;sociación</translation>
    </message>
    <message>
      <source>Dissociation</source>
      <translation>Disociación</translation>
    </message>
    <message>
      <source>Dose in milligrams</source>
      <translation>Dosis en miligramos</translation>
    </message>
    <message>
      <source>Dose per kilogram</source>
      <translation>Dosis por kilogramo</translation>
    </message>
    <message>
      <source>Duration in minutes</source>
      <translation>Duración en minutos</translation>
    </message>
    <message>
      <source>Energy</source>
      <translation>Energía</translation>
    </message>
    <message>
      <source>Error message</source>
      <translation>Mensaje de error</translation>
    </message>
    <message>
      <source>Event</source>
      <translation>Evento</translation>
    </message>
    <message>
      <source>Heart rate in beats per minute</source>
      <translation>Frecuencia cardiaca en latidos por minuto</translation>
    </message>
    <message>
      <source>Kind of event</source>
      <translation>Tipo de evento</translation>
    </message>
    <message>
      <source>Minutes of observation until ready to leave</source>
      <translation>Minutos de observación hasta poder irse</translation>
    </message>
    <message>
      <source>Mood</source>
      <translation>Ánimo</translation>
    </message>
    <message>
      <source>Not linked to a session</source>
      <translation>Sin vincular a una sesión</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Nota</translation>
    </message>
    <message>
      <source>Ob&amp;servation until ready to leave</source>
      <translation>O&amp;bservación hasta el alta</translation>
    </message>
    <message>
      <source>Optional note (private; only in reports if you choose)</source>
      <translation>Nota opcional (privada; solo en los informes si usted lo elige)</translation>
    </message>
    <message>
      <source>Oxygen saturation in percent</source>
      <translation>Saturación de oxígeno en porcentaje</translation>
    </message>
    <message>
      <source>Phase</source>
      <translation>Fase</translation>
    </message>
    <message>
      <source>Red flag warning</source>
      <translation>Señal de alarma</translation>
    </message>
    <message>
      <source>Restored draft</source>
      <translation>Borrador recuperado</translation>
    </message>
    <message>
      <source>Restored what you typed on {when}. It is not saved yet: Save keeps it, Cancel discards it.</source>
      <translation>Se ha recuperado lo que escribió el {when}. Aún no está guardado: Guardar lo conserva, Cancelar lo descarta.</translation>
    </message>
    <message>
      <source>Route</source>
      <translation>Vía</translation>
    </message>
    <message>
      <source>Se&amp;verity</source>
      <translation>&amp;Gravedad</translation>
    </message>
    <message>
      <source>Session it follows</source>
      <translation>Sesión a la que sigue</translation>
    </message>
    <message>
      <source>Severity</source>
      <translation>Gravedad</translation>
    </message>
    <message>
      <source>Side effect</source>
      <translation>Efecto secundario</translation>
    </message>
    <message>
      <source>Sleep in hours</source>
      <translation>Sueño en horas</translation>
    </message>
    <message>
      <source>Sp&amp;O₂</source>
      <translation>Sp&amp;O₂</translation>
    </message>
    <message>
      <source>The clinic's sedation rating, MOAA/S, 0 no response to 5 alert</source>
      <translation>Valoración de la sedación de la clínica, MOAA/S, de 0 sin respuesta a 5 alerta</translation>
    </message>
    <message>
      <source>Treatment session</source>
      <translation>Sesión de tratamiento</translation>
    </message>
    <message>
      <source>What it was (for Other)</source>
      <translation>Qué fue (para Otro)</translation>
    </message>
    <message>
      <source>What was it?</source>
      <translation>¿Qué fue?</translation>
    </message>
    <message>
      <source>When</source>
      <translation>Cuándo</translation>
    </message>
    <message>
      <source>best</source>
      <translation>el mejor</translation>
    </message>
    <message>
      <source>most</source>
      <translation>máxima</translation>
    </message>
    <message>
      <source>none</source>
      <translation>ninguna</translation>
    </message>
    <message>
      <source>worst</source>
      <translation>el peor</translation>
    </message>
  </context>
  <context>
    <name>Factors</name>
    <message>
      <source>&amp;Save today's values</source>
      <translation>&amp;Guardar los valores de hoy</translation>
    </message>
    <message>
      <source>0 to 10</source>
      <translation>de 0 a 10</translation>
    </message>
    <message>
      <source>95 % interval</source>
      <translation>Intervalo del 95 %</translation>
    </message>
    <message>
      <source>Compared</source>
      <translation>Comparado</translation>
    </message>
    <message>
      <source>Days with vs without</source>
      <translation>Días con / sin</translation>
    </message>
    <message>
      <source>Difference</source>
      <translation>Diferencia</translation>
    </message>
    <message>
      <source>Factors compared, strongest evidence first</source>
      <translation>Factores comparados, la evidencia más sólida primero</translation>
    </message>
    <message>
      <source>Follo&amp;w</source>
      <translation>&amp;Seguir</translation>
    </message>
    <message>
      <source>How the new factor is rated</source>
      <translation>Cómo se valora el nuevo factor</translation>
    </message>
    <message>
      <source>Mood on days with and without each factor, compared only between days the same time after a session. Strongest evidence first. These are associations, not proof of a cause.</source>
      <translation>Ánimo en los días con y sin cada factor, comparado solo entre días a la misma distancia de una sesión. La evidencia más sólida primero. Son asociaciones, no prueba de una causa.</translation>
    </message>
    <message>
      <source>Name of a new factor</source>
      <translation>Nombre de un nuevo factor</translation>
    </message>
    <message>
      <source>Saved today's values.</source>
      <translation>Valores de hoy guardados.</translation>
    </message>
    <message>
      <source>What the selected comparison says</source>
      <translation>Qué dice la comparación seleccionada</translation>
    </message>
    <message>
      <source>Your factors: today's values</source>
      <translation>Sus factores: valores de hoy</translation>
    </message>
    <message>
      <source>e.g. alcohol, exercise, therapy homework</source>
      <translation>p. ej. alcohol, ejercicio, tareas de terapia</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>sí</translation>
    </message>
    <message>
      <source>yes or no</source>
      <translation>sí o no</translation>
    </message>
    <message>
      <source>{factor} today</source>
      <translation>{factor} hoy</translation>
    </message>
    <message>
      <source>{factor} today (0 to 10)</source>
      <translation>{factor} hoy (de 0 a 10)</translation>
    </message>
    <message>
      <source>{low} to {high}</source>
      <translation>{low} a {high}</translation>
    </message>
    <message>
      <source>{with_factor} vs {without}</source>
      <translation>{with_factor} frente a {without}</translation>
    </message>
  </context>
  <context>
    <name>Fields</name>
    <message>
      <source>enter both systolic and diastolic, or neither</source>
      <translation>introduzca la sistólica y la diastólica, o ninguna de las dos</translation>
    </message>
    <message>
      <source>not recorded</source>
      <translation>sin registrar</translation>
    </message>
    <message>
      <source>{name} diastolic (mmHg)</source>
      <translation>{name}, diastólica (mmHg)</translation>
    </message>
    <message>
      <source>{name} systolic (mmHg)</source>
      <translation>{name}, sistólica (mmHg)</translation>
    </message>
    <message>
      <source>{name}, {bottom} {low} to {top} {high}</source>
      <translation>{name}, de {bottom} {low} a {top} {high}</translation>
    </message>
  </context>
  <context>
    <name>Import</name>
    <message>
      <source>&amp;Date column</source>
      <translation>Columna de &amp;fecha</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>&amp;Archivo</translation>
    </message>
    <message>
      <source>&amp;Import</source>
      <translation>Impo&amp;rtar</translation>
    </message>
    <message>
      <source>&amp;Mood column</source>
      <translation>Columna de án&amp;imo</translation>
    </message>
    <message>
      <source>&amp;Preview</source>
      <translation>&amp;Vista previa</translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>(ninguna)</translation>
    </message>
    <message>
      <source>C&amp;hoose…</source>
      <translation>&amp;Elegir…</translation>
    </message>
    <message>
      <source>CSV files (*.csv *.txt)</source>
      <translation>Archivos CSV (*.csv *.txt)</translation>
    </message>
    <message numerus="yes">
      <source>Choose a score for %n mood label(s) first.</source>
      <translation>
        <numerusform>Elija primero una puntuación para %n etiqueta de ánimo.</numerusform>
        <numerusform>Elija primero una puntuación para %n etiquetas de ánimo.</numerusform>
      </translation>
    </message>
    <message>
      <source>Choose the exported file</source>
      <translation>Elija el archivo exportado</translation>
    </message>
    <message>
      <source>Choose the format and the file, then Preview.</source>
      <translation>Elija el formato y el archivo; después, Vista previa.</translation>
    </message>
    <message>
      <source>Columns of the CSV file</source>
      <translation>Columnas del archivo CSV</translation>
    </message>
    <message>
      <source>Comma (,)</source>
      <translation>Coma (,)</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Fecha</translation>
    </message>
    <message>
      <source>Date &amp;format</source>
      <translation>Forma&amp;to de fecha</translation>
    </message>
    <message>
      <source>Daylio mood labels: a score for each</source>
      <translation>Etiquetas de ánimo de Daylio: una puntuación para cada una</translation>
    </message>
    <message>
      <source>Daylio's five moods have defaults (rad 9, good 7, meh 5, bad 3, awful 1); your own labels need a score. Your choices are remembered.</source>
      <translation>Los cinco ánimos de Daylio tienen valores por defecto (rad 9, good 7, meh 5, bad 3, awful 1); sus propias etiquetas necesitan una puntuación. Se recuerda lo que elija.</translation>
    </message>
    <message>
      <source>F&amp;ormat</source>
      <translation>F&amp;ormato</translation>
    </message>
    <message>
      <source>File to import</source>
      <translation>Archivo que importar</translation>
    </message>
    <message>
      <source>Format of the file</source>
      <translation>Formato del archivo</translation>
    </message>
    <message>
      <source>Highest value of the mood scale</source>
      <translation>Valor más alto de la escala de ánimo</translation>
    </message>
    <message>
      <source>Import from another app</source>
      <translation>Importar desde otra aplicación</translation>
    </message>
    <message>
      <source>Import status</source>
      <translation>Estado de la importación</translation>
    </message>
    <message>
      <source>Lowest value of the mood scale</source>
      <translation>Valor más bajo de la escala de ánimo</translation>
    </message>
    <message>
      <source>Mood</source>
      <translation>Ánimo</translation>
    </message>
    <message>
      <source>Mood &amp;scale</source>
      <translation>E&amp;scala de ánimo</translation>
    </message>
    <message>
      <source>Mood label in the file</source>
      <translation>Etiqueta de ánimo en el archivo</translation>
    </message>
    <message>
      <source>Mood labels and their scores</source>
      <translation>Etiquetas de ánimo y sus puntuaciones</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Nota</translation>
    </message>
    <message>
      <source>Note column</source>
      <translation>Columna de nota</translation>
    </message>
    <message>
      <source>Score (0 worst, 10 best)</source>
      <translation>Puntuación (0 el peor, 10 el mejor)</translation>
    </message>
    <message>
      <source>Score of the mood label {label}</source>
      <translation>Puntuación de la etiqueta de ánimo {label}</translation>
    </message>
    <message>
      <source>Se&amp;parator</source>
      <translation>Se&amp;parador</translation>
    </message>
    <message>
      <source>Semicolon (;)</source>
      <translation>Punto y coma (;)</translation>
    </message>
    <message>
      <source>Tab</source>
      <translation>Tabulador</translation>
    </message>
    <message>
      <source>Tags</source>
      <translation>Etiquetas</translation>
    </message>
    <message>
      <source>The first new entries</source>
      <translation>Los primeros registros nuevos</translation>
    </message>
    <message>
      <source>The lowest value is the best mood</source>
      <translation>El valor más bajo es el mejor ánimo</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>Hora</translation>
    </message>
    <message>
      <source>Time column</source>
      <translation>Columna de hora</translation>
    </message>
    <message>
      <source>choose…</source>
      <translation>elegir…</translation>
    </message>
    <message>
      <source>strptime codes: %d day, %m month, %Y year, %H:%M time</source>
      <translation>códigos strptime: %d día, %m mes, %Y año, %H:%M hora</translation>
    </message>
    <message>
      <source>to</source>
      <translation>a</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>sí</translation>
    </message>
  </context>
  <context>
    <name>Join</name>
    <message>
      <source>&amp;Join</source>
      <translation>&amp;Unirse</translation>
    </message>
    <message>
      <source>&amp;Recovery key or passphrase</source>
      <translation>Clave de &amp;recuperación o frase de contraseña</translation>
    </message>
    <message>
      <source>&amp;Start a new journal</source>
      <translation>Crear un diario &amp;nuevo</translation>
    </message>
    <message>
      <source>C&amp;hoose…</source>
      <translation>E&amp;legir…</translation>
    </message>
    <message>
      <source>Choose the folder your journal syncs through</source>
      <translation>Elija la carpeta a través de la que se sincroniza su diario</translation>
    </message>
    <message>
      <source>Choose the folder your other computer syncs the journal through (it must have arrived on this computer), and type the journal's recovery key or passphrase. This computer gets its own copy of the journal.</source>
      <translation>Elija la carpeta a través de la que su otro ordenador sincroniza el diario (debe haber llegado ya a este ordenador) y escriba la clave de recuperación o la frase de contraseña del diario. Este ordenador tendrá su propia copia del diario.</translation>
    </message>
    <message>
      <source>Choose the sync folder first.</source>
      <translation>Elija primero la carpeta de sincronización.</translation>
    </message>
    <message>
      <source>I &amp;already use ketajournal on another computer…</source>
      <translation>Ya uso ketajournal en otro &amp;ordenador…</translation>
    </message>
    <message>
      <source>Join message</source>
      <translation>Mensaje de la unión</translation>
    </message>
    <message>
      <source>Join your journal from another computer</source>
      <translation>Unirse a su diario desde otro ordenador</translation>
    </message>
    <message>
      <source>Joining your journal…</source>
      <translation>Uniéndose a su diario…</translation>
    </message>
    <message>
      <source>Recovery key or passphrase</source>
      <translation>Clave de recuperación o frase de contraseña</translation>
    </message>
    <message>
      <source>Sync &amp;folder</source>
      <translation>&amp;Carpeta de sincronización</translation>
    </message>
    <message>
      <source>Sync folder</source>
      <translation>Carpeta de sincronización</translation>
    </message>
    <message>
      <source>The folder could not be used ({reason}).</source>
      <translation>No se pudo usar la carpeta ({reason}).</translation>
    </message>
    <message>
      <source>Type the journal's recovery key or passphrase.</source>
      <translation>Escriba la clave de recuperación o la frase de contraseña del diario.</translation>
    </message>
    <message>
      <source>Welcome to ketajournal</source>
      <translation>Le damos la bienvenida a ketajournal</translation>
    </message>
    <message>
      <source>Your journal is encrypted and stays on this computer. Start a new one, or join the journal you already keep on another computer through a folder you sync.</source>
      <translation>Su diario está cifrado y permanece en este ordenador. Cree uno nuevo o únase, a través de una carpeta que sincronice, al diario que ya lleva en otro ordenador.</translation>
    </message>
  </context>
  <context>
    <name>Keyboard</name>
    <message>
      <source>(undescribed)</source>
      <translation>(sin descripción)</translation>
    </message>
    <message>
      <source>Every menu, screen and form works from the keyboard: Alt with the underlined letter opens a menu or presses a button, Tab moves between fields, and on Today a number key saves your mood.</source>
      <translation>Todos los menús, pantallas y formularios funcionan con el teclado: Alt con la letra subrayada abre un menú o pulsa un botón, Tab pasa de un campo a otro y, en Hoy, una tecla numérica guarda su ánimo.</translation>
    </message>
    <message>
      <source>Keyboard shortcuts</source>
      <translation>Atajos de teclado</translation>
    </message>
    <message>
      <source>Keys</source>
      <translation>Teclas</translation>
    </message>
    <message>
      <source>What they do</source>
      <translation>Qué hacen</translation>
    </message>
  </context>
  <context>
    <name>Lock</name>
    <message>
      <source>&amp;Unlock</source>
      <translation>&amp;Desbloquear</translation>
    </message>
    <message>
      <source>Click Unlock to open it with the key in your system keyring.</source>
      <translation>Haga clic en Desbloquear para abrirlo con la clave del llavero del sistema.</translation>
    </message>
    <message>
      <source>Passphrase or recovery key</source>
      <translation>Frase de contraseña o clave de recuperación</translation>
    </message>
    <message>
      <source>Type your passphrase or your recovery key to open it.</source>
      <translation>Escriba su frase de contraseña o su clave de recuperación para abrirlo.</translation>
    </message>
    <message>
      <source>Unlock message</source>
      <translation>Mensaje del desbloqueo</translation>
    </message>
    <message>
      <source>Unlock the journal</source>
      <translation>Desbloquear el diario</translation>
    </message>
    <message>
      <source>Your journal is locked.</source>
      <translation>Su diario está bloqueado.</translation>
    </message>
    <message numerus="yes">
      <source>{message}
You can try again in %n second(s).</source>
      <translation>
        <numerusform>{message}
Puede volver a intentarlo dentro de %n segundo.</numerusform>
        <numerusform>{message}
Puede volver a intentarlo dentro de %n segundos.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>About {app}</source>
      <translation>Acerca de {app}</translation>
    </message>
    <message>
      <source>Changes saved.</source>
      <translation>Cambios guardados.</translation>
    </message>
    <message>
      <source>Journal checked; today's backup is made.</source>
      <translation>Diario comprobado; la copia de seguridad de hoy está hecha.</translation>
    </message>
    <message>
      <source>Locked.</source>
      <translation>Bloqueado.</translation>
    </message>
    <message>
      <source>Locking when the current task is done.</source>
      <translation>Se bloqueará cuando termine la tarea en curso.</translation>
    </message>
    <message>
      <source>Opening your journal…</source>
      <translation>Abriendo su diario…</translation>
    </message>
    <message>
      <source>Red flag</source>
      <translation>Señal de alarma</translation>
    </message>
    <message>
      <source>Saved.</source>
      <translation>Guardado.</translation>
    </message>
    <message>
      <source>Saved: {summary}.</source>
      <translation>Guardado: {summary}.</translation>
    </message>
    <message>
      <source>That entry no longer exists; its draft was discarded.</source>
      <translation>Ese registro ya no existe; se ha descartado su borrador.</translation>
    </message>
    <message>
      <source>The check that runs after opening found damage in the journal file. ketajournal will close it and check it again; if the damage is confirmed, it offers the newest backup that verifies. Nothing is deleted: the damaged file is kept beside it.</source>
      <translation>La comprobación que se hace al abrir ha encontrado daños en el archivo del diario. ketajournal lo cerrará y lo comprobará de nuevo; si se confirma el daño, le ofrecerá la copia de seguridad más reciente que esté íntegra. No se borra nada: el archivo dañado se conserva al lado.</translation>
    </message>
    <message>
      <source>Unlocked.</source>
      <translation>Desbloqueado.</translation>
    </message>
    <message>
      <source>Your journal is encrypted and stays on this computer.</source>
      <translation>Su diario está cifrado y se queda en este ordenador.</translation>
    </message>
    <message>
      <source>Your journal needs repair</source>
      <translation>Su diario necesita una reparación</translation>
    </message>
    <message>
      <source>{app} {version}

A private journal for ketamine and esketamine therapy. Your journal is encrypted and stays on this computer; nothing is sent anywhere. No clinician is monitoring it.</source>
      <translation>{app} {version}

Un diario privado para la terapia con ketamina y esketamina. Su diario está cifrado y se queda en este ordenador; no se envía nada a ninguna parte. Ningún profesional clínico lo supervisa.</translation>
    </message>
    <message>
      <source>{app} — demo journal</source>
      <translation>{app} — diario de demostración</translation>
    </message>
    <message>
      <source>{app}: backup</source>
      <translation>{app}: copia de seguridad</translation>
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
      <translation>&amp;Clase</translation>
    </message>
    <message>
      <source>&amp;Delete this medication</source>
      <translation>E&amp;liminar este medicamento</translation>
    </message>
    <message>
      <source>&amp;Dose</source>
      <translation>&amp;Dosis</translation>
    </message>
    <message>
      <source>&amp;Name</source>
      <translation>&amp;Nombre</translation>
    </message>
    <message>
      <source>&amp;Start a medication…</source>
      <translation>I&amp;niciar un medicamento…</translation>
    </message>
    <message>
      <source>&amp;Started on</source>
      <translation>&amp;Empezado el</translation>
    </message>
    <message>
      <source>&amp;Stopped on</source>
      <translation>&amp;Dejado el</translation>
    </message>
    <message>
      <source>As you record them: a dose change applies from its day; a medication is not taken on the day it is stopped. The Boosters screen and the clinician report show each change beside the boosters it overlaps — side by side, never as a cause.</source>
      <translation>Tal como usted los registra: un cambio de dosis vale desde su día; el día en que se suspende, el medicamento ya no se toma. La pantalla Boosters y el informe clínico muestran cada cambio junto a los boosters con los que coincide: uno al lado del otro, nunca como causa.</translation>
    </message>
    <message>
      <source>Change</source>
      <translation>Cambio</translation>
    </message>
    <message>
      <source>Change a medication's dose</source>
      <translation>Cambiar la dosis de un medicamento</translation>
    </message>
    <message>
      <source>Change d&amp;ose…</source>
      <translation>Cambiar &amp;dosis…</translation>
    </message>
    <message>
      <source>Class</source>
      <translation>Clase</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Fecha</translation>
    </message>
    <message>
      <source>Delete the selected medication with all its doses (Edit → Undo brings it back).</source>
      <translation>Eliminar el medicamento seleccionado con todas sus dosis (Editar → Deshacer lo recupera).</translation>
    </message>
    <message>
      <source>Dose</source>
      <translation>Dosis</translation>
    </message>
    <message>
      <source>Dose in &amp;mg</source>
      <translation>Dosis en &amp;mg</translation>
    </message>
    <message>
      <source>Dose in mg</source>
      <translation>Dosis en mg</translation>
    </message>
    <message>
      <source>Error message</source>
      <translation>Mensaje de error</translation>
    </message>
    <message>
      <source>Every start, dose change and stop (newest first)</source>
      <translation>Cada inicio, cambio de dosis y suspensión (lo más reciente primero)</translation>
    </message>
    <message>
      <source>Every start, dose change and stop, newest first.</source>
      <translation>Cada inicio, cambio de dosis y suspensión, primero lo más reciente.</translation>
    </message>
    <message>
      <source>How &amp;often</source>
      <translation>Con qué &amp;frecuencia</translation>
    </message>
    <message>
      <source>How often</source>
      <translation>Frecuencia</translation>
    </message>
    <message>
      <source>Medication</source>
      <translation>Medicamento</translation>
    </message>
    <message>
      <source>Medication history</source>
      <translation>Historial de medicación</translation>
    </message>
    <message>
      <source>Medication name</source>
      <translation>Nombre del medicamento</translation>
    </message>
    <message>
      <source>Medications taken today</source>
      <translation>Medicamentos que toma hoy</translation>
    </message>
    <message>
      <source>N&amp;ote</source>
      <translation>N&amp;ota</translation>
    </message>
    <message>
      <source>New dose &amp;from</source>
      <translation>Nueva dosis &amp;desde el</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Nota</translation>
    </message>
    <message>
      <source>One row per medication taken today, with its dose.</source>
      <translation>Una fila por cada medicamento que toma hoy, con su dosis.</translation>
    </message>
    <message>
      <source>Since</source>
      <translation>Desde</translation>
    </message>
    <message>
      <source>Start a medication</source>
      <translation>Iniciar un medicamento</translation>
    </message>
    <message>
      <source>Stop a medication</source>
      <translation>Suspender un medicamento</translation>
    </message>
    <message>
      <source>Stop ta&amp;king…</source>
      <translation>Sus&amp;pender…</translation>
    </message>
    <message>
      <source>Taken today ({day})</source>
      <translation>Tomados hoy ({day})</translation>
    </message>
    <message>
      <source>Taken today: none recorded</source>
      <translation>Tomados hoy: ninguno registrado</translation>
    </message>
    <message>
      <source>as prescribed, e.g. 50 mg once a day</source>
      <translation>según la receta, p. ej. 50 mg una vez al día</translation>
    </message>
    <message>
      <source>dose changed</source>
      <translation>dosis cambiada</translation>
    </message>
    <message>
      <source>e.g. sertraline (pick or type)</source>
      <translation>p. ej. sertralina (elija o escriba)</translation>
    </message>
    <message>
      <source>mg</source>
      <translation>mg</translation>
    </message>
    <message>
      <source>started</source>
      <translation>iniciado</translation>
    </message>
  </context>
  <context>
    <name>Menus</name>
    <message>
      <source>&amp;About ketajournal</source>
      <translation>A&amp;cerca de ketajournal</translation>
    </message>
    <message>
      <source>&amp;Back up to a file…</source>
      <translation>Copia de &amp;seguridad en un archivo…</translation>
    </message>
    <message>
      <source>&amp;Crisis resources…</source>
      <translation>&amp;Recursos de crisis…</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>&amp;Editar</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>&amp;Archivo</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>A&amp;yuda</translation>
    </message>
    <message>
      <source>&amp;Import from a JSON or CSV file…</source>
      <translation>&amp;Importar desde un archivo JSON o CSV…</translation>
    </message>
    <message>
      <source>&amp;Keyboard shortcuts…</source>
      <translation>&amp;Atajos de teclado…</translation>
    </message>
    <message>
      <source>&amp;Lock</source>
      <translation>&amp;Bloquear</translation>
    </message>
    <message>
      <source>&amp;Log</source>
      <translation>&amp;Registrar</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>Sa&amp;lir</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>&amp;Rehacer</translation>
    </message>
    <message>
      <source>&amp;Restore from a backup file…</source>
      <translation>Res&amp;taurar desde una copia de seguridad…</translation>
    </message>
    <message>
      <source>&amp;Session…</source>
      <translation>&amp;Sesión…</translation>
    </message>
    <message>
      <source>&amp;Settings…</source>
      <translation>&amp;Preferencias…</translation>
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation>&amp;Deshacer</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>&amp;Ver</translation>
    </message>
    <message>
      <source>E&amp;vent…</source>
      <translation>E&amp;vento…</translation>
    </message>
    <message>
      <source>Export as &amp;CSV files…</source>
      <translation>Exportar como archivos &amp;CSV…</translation>
    </message>
    <message>
      <source>Export as &amp;FHIR bundle…</source>
      <translation>Exportar como paquete &amp;FHIR…</translation>
    </message>
    <message>
      <source>Export as &amp;JSON…</source>
      <translation>Exportar como &amp;JSON…</translation>
    </message>
    <message>
      <source>Export clinician &amp;PDF…</source>
      <translation>Exportar &amp;PDF para el equipo clínico…</translation>
    </message>
    <message>
      <source>Import from &amp;another app…</source>
      <translation>Importar desde &amp;otra aplicación…</translation>
    </message>
    <message>
      <source>Import from a CSV &amp;folder…</source>
      <translation>Importar desde una &amp;carpeta CSV…</translation>
    </message>
    <message>
      <source>Side &amp;effect…</source>
      <translation>&amp;Efecto secundario…</translation>
    </message>
    <message>
      <source>{title} questionnaire…</source>
      <translation>Cuestionario {title}…</translation>
    </message>
  </context>
  <context>
    <name>Operations</name>
    <message numerus="yes">
      <source> to %n CSV file(s).</source>
      <translation>
        <numerusform> a %n archivo CSV.</numerusform>
        <numerusform> a %n archivos CSV.</numerusform>
      </translation>
    </message>
    <message>
      <source>Back up to a file</source>
      <translation>Copia de seguridad en un archivo</translation>
    </message>
    <message numerus="yes">
      <source>Backed up %n entry(s) to {file} (encrypted).</source>
      <translation>
        <numerusform>Se guardó %n registro en {file} (cifrado).</numerusform>
        <numerusform>Se guardaron %n registros en {file} (cifrado).</numerusform>
      </translation>
    </message>
    <message>
      <source>Backing up…</source>
      <translation>Haciendo la copia de seguridad…</translation>
    </message>
    <message>
      <source>Export CSV files into folder</source>
      <translation>Exportar archivos CSV a una carpeta</translation>
    </message>
    <message>
      <source>Export as FHIR R4 bundle</source>
      <translation>Exportar como paquete FHIR R4</translation>
    </message>
    <message>
      <source>Export journal as JSON</source>
      <translation>Exportar el diario como JSON</translation>
    </message>
    <message numerus="yes">
      <source>Exported %n FHIR resource(s) to {file}.</source>
      <translation>
        <numerusform>Se exportó %n recurso FHIR a {file}.</numerusform>
        <numerusform>Se exportaron %n recursos FHIR a {file}.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Exported %n entry(s)</source>
      <translation>
        <numerusform>Se exportó %n registro</numerusform>
        <numerusform>Se exportaron %n registros</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Exported %n entry(s) to {file}.</source>
      <translation>
        <numerusform>Se exportó %n registro a {file}.</numerusform>
        <numerusform>Se exportaron %n registros a {file}.</numerusform>
      </translation>
    </message>
    <message>
      <source>Exporting…</source>
      <translation>Exportando…</translation>
    </message>
    <message>
      <source>Import a CSV export folder</source>
      <translation>Importar una carpeta de exportación CSV</translation>
    </message>
    <message>
      <source>Import a ketajournal export</source>
      <translation>Importar una exportación de ketajournal</translation>
    </message>
    <message>
      <source>Import finished</source>
      <translation>Importación terminada</translation>
    </message>
    <message>
      <source>Importing…</source>
      <translation>Importando…</translation>
    </message>
    <message>
      <source>Restore from a backup file</source>
      <translation>Restaurar desde una copia de seguridad</translation>
    </message>
  </context>
  <context>
    <name>Plan</name>
    <message>
      <source>&amp;Add…</source>
      <translation>A&amp;gregar…</translation>
    </message>
    <message>
      <source>&amp;Change…</source>
      <translation>Ca&amp;mbiar…</translation>
    </message>
    <message>
      <source>&amp;Clinic</source>
      <translation>&amp;Clínica</translation>
    </message>
    <message>
      <source>&amp;Note</source>
      <translation>&amp;Nota</translation>
    </message>
    <message>
      <source>&amp;Phase</source>
      <translation>&amp;Fase</translation>
    </message>
    <message>
      <source>&amp;Preview</source>
      <translation>&amp;Vista previa</translation>
    </message>
    <message>
      <source>&amp;Route</source>
      <translation>Ví&amp;a</translation>
    </message>
    <message>
      <source>&amp;Start on or after</source>
      <translation>&amp;Empezar el día o después</translation>
    </message>
    <message>
      <source>&amp;Template</source>
      <translation>&amp;Plantilla</translation>
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation>De&amp;shacer</translation>
    </message>
    <message>
      <source>&amp;Weekdays</source>
      <translation>&amp;Días de la semana</translation>
    </message>
    <message>
      <source>&amp;When</source>
      <translation>C&amp;uándo</translation>
    </message>
    <message>
      <source>Change a planned session</source>
      <translation>Cambiar una sesión planificada</translation>
    </message>
    <message>
      <source>Change any time, or untick a session to leave it out:</source>
      <translation>Cambie cualquier hora o desmarque una sesión para dejarla fuera:</translation>
    </message>
    <message>
      <source>Change or move the selected planned session</source>
      <translation>Cambiar o mover la sesión planificada seleccionada</translation>
    </message>
    <message>
      <source>Clinic</source>
      <translation>Clínica</translation>
    </message>
    <message>
      <source>Custom: &amp;route</source>
      <translation>Pe&amp;rsonalizado: vía</translation>
    </message>
    <message>
      <source>Custom: e&amp;very</source>
      <translation>Personalizado: c&amp;ada</translation>
    </message>
    <message>
      <source>Esketamine after week &amp;8</source>
      <translation>Esketamina después de la semana &amp;8</translation>
    </message>
    <message>
      <source>Esketamine weeks of maintenance</source>
      <translation>Esketamina: semanas de mantenimiento</translation>
    </message>
    <message>
      <source>Every</source>
      <translation>Cada</translation>
    </message>
    <message>
      <source>Fr&amp;om a template…</source>
      <translation>Desde una &amp;plantilla…</translation>
    </message>
    <message>
      <source>IM or custom: how &amp;many</source>
      <translation>IM o personalizado: cuá&amp;ntas</translation>
    </message>
    <message>
      <source>It happene&amp;d…</source>
      <translation>Tuvo &amp;lugar…</translation>
    </message>
    <message>
      <source>Maintenance after week 8</source>
      <translation>Mantenimiento después de la semana 8</translation>
    </message>
    <message>
      <source>Mark the selected session done</source>
      <translation>Marcar la sesión seleccionada como realizada</translation>
    </message>
    <message>
      <source>Mark the selected session missed</source>
      <translation>Marcar la sesión seleccionada como perdida</translation>
    </message>
    <message>
      <source>Mi&amp;ssed</source>
      <translation>Per&amp;dida</translation>
    </message>
    <message>
      <source>Not confirmed yet</source>
      <translation>Aún sin confirmar</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Nota</translation>
    </message>
    <message>
      <source>Nothing planned. Add a session, or plan a series from a template (IV or IM induction, esketamine per its label, or your own).</source>
      <translation>Nada planificado. Añada una sesión o planifique una serie desde una plantilla (inducción IV o IM, esketamina según su ficha técnica, o la suya propia).</translation>
    </message>
    <message>
      <source>Number of sessions</source>
      <translation>Número de sesiones</translation>
    </message>
    <message>
      <source>Past</source>
      <translation>Pasadas</translation>
    </message>
    <message>
      <source>Past planned sessions</source>
      <translation>Sesiones planificadas pasadas</translation>
    </message>
    <message>
      <source>Phase</source>
      <translation>Fase</translation>
    </message>
    <message>
      <source>Plan</source>
      <translation>Planificar</translation>
    </message>
    <message>
      <source>Plan a session</source>
      <translation>Planificar una sesión</translation>
    </message>
    <message>
      <source>Plan from a template</source>
      <translation>Planificar desde una plantilla</translation>
    </message>
    <message>
      <source>Plan one session</source>
      <translation>Planificar una sesión</translation>
    </message>
    <message>
      <source>Plan session {number}</source>
      <translation>Planificar la sesión {number}</translation>
    </message>
    <message>
      <source>Plan sessions from a template</source>
      <translation>Planificar sesiones desde una plantilla</translation>
    </message>
    <message>
      <source>Plan status</source>
      <translation>Estado del plan</translation>
    </message>
    <message>
      <source>Planned &amp;dose</source>
      <translation>&amp;Dosis planificada</translation>
    </message>
    <message>
      <source>Planned dose</source>
      <translation>Dosis planificada</translation>
    </message>
    <message>
      <source>Planned dose in milligrams</source>
      <translation>Dosis planificada en miligramos</translation>
    </message>
    <message>
      <source>Planned sessions</source>
      <translation>Sesiones planificadas</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>Quitar</translation>
    </message>
    <message>
      <source>Remove the selected planned session</source>
      <translation>Quitar la sesión planificada seleccionada</translation>
    </message>
    <message>
      <source>Route</source>
      <translation>Vía</translation>
    </message>
    <message>
      <source>Select a planned session first.</source>
      <translation>Seleccione primero una sesión planificada.</translation>
    </message>
    <message>
      <source>Select a session that is still planned first.</source>
      <translation>Seleccione primero una sesión que siga planificada.</translation>
    </message>
    <message>
      <source>Start date</source>
      <translation>Fecha de inicio</translation>
    </message>
    <message>
      <source>Template</source>
      <translation>Plantilla</translation>
    </message>
    <message>
      <source>The planned sessions to save</source>
      <translation>Las sesiones planificadas que guardar</translation>
    </message>
    <message>
      <source>Time of session {number}</source>
      <translation>Hora de la sesión {number}</translation>
    </message>
    <message>
      <source>Undo the last change</source>
      <translation>Deshacer el último cambio</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>Unidad</translation>
    </message>
    <message>
      <source>Upcoming</source>
      <translation>Próximas</translation>
    </message>
    <message>
      <source>Upcoming planned sessions</source>
      <translation>Próximas sesiones planificadas</translation>
    </message>
    <message>
      <source>Usual t&amp;ime</source>
      <translation>&amp;Hora habitual</translation>
    </message>
    <message>
      <source>Usual time</source>
      <translation>Hora habitual</translation>
    </message>
    <message>
      <source>Weekdays</source>
      <translation>Días de la semana</translation>
    </message>
    <message>
      <source>Weeks of maintenance</source>
      <translation>Semanas de mantenimiento</translation>
    </message>
    <message>
      <source>What happened</source>
      <translation>Qué pasó</translation>
    </message>
    <message>
      <source>When</source>
      <translation>Cuándo</translation>
    </message>
    <message>
      <source>Your own plan, to be reminded and to compare with what happened: the clinic's schedule decides. Edit → Undo takes back any change here.</source>
      <translation>Su propio plan, para recordarle y para comparar con lo que pasó: manda el calendario de la clínica. Editar → Deshacer retira cualquier cambio aquí.</translation>
    </message>
    <message>
      <source>days</source>
      <translation>días</translation>
    </message>
    <message>
      <source>every 2 weeks</source>
      <translation>cada 2 semanas</translation>
    </message>
    <message>
      <source>the template's own (e.g. mon,wed,fri)</source>
      <translation>los de la plantilla (p. ej. mon,wed,fri)</translation>
    </message>
    <message>
      <source>weekly</source>
      <translation>semanal</translation>
    </message>
    <message>
      <source>weeks</source>
      <translation>semanas</translation>
    </message>
  </context>
  <context>
    <name>Questionnaire</name>
    <message>
      <source>Crisis resources</source>
      <translation>Recursos de crisis</translation>
    </message>
    <message numerus="yes">
      <source>Please answer question(s) {numbers}.</source>
      <translation>
        <numerusform>Responda a la pregunta {numbers}.</numerusform>
        <numerusform>Responda a las preguntas {numbers}.</numerusform>
      </translation>
    </message>
    <message>
      <source>Question {number}: {answer} ({value})</source>
      <translation>Pregunta {number}: {answer} ({value})</translation>
    </message>
    <message>
      <source>The questionnaire is shown in English, its validated version.</source>
      <translation>El cuestionario se muestra en inglés, en su versión validada.</translation>
    </message>
    <message>
      <source>To correct it, delete it in the Timeline and fill the questionnaire in again.</source>
      <translation>Para corregirlo, elimínelo en la Cronología y vuelva a rellenar el cuestionario.</translation>
    </message>
    <message>
      <source>Total and band</source>
      <translation>Total y rango</translation>
    </message>
    <message>
      <source>Type {low}–{high} to answer and move to the next question, or click.</source>
      <translation>Escriba {low}–{high} para responder y pasar a la siguiente pregunta, o haga clic.</translation>
    </message>
    <message>
      <source>When filled in</source>
      <translation>Cuándo se rellenó</translation>
    </message>
    <message>
      <source>You are not alone</source>
      <translation>No está solo/a</translation>
    </message>
    <message>
      <source>{done} of {count} answered; total so far {total}.</source>
      <translation>{done} de {count} respondidas; total hasta ahora {total}.</translation>
    </message>
    <message>
      <source>{question} (not scored)</source>
      <translation>{question} (no puntúa)</translation>
    </message>
    <message>
      <source>{summary}, {when}.</source>
      <translation>{summary}, {when}.</translation>
    </message>
    <message>
      <source>{title} total {total} of {most}: {band} ({range}).</source>
      <translation>{title}: total {total} de {most}: {band} ({range}).</translation>
    </message>
  </context>
  <context>
    <name>Recovery</name>
    <message>
      <source>&amp;Save a printable page (PDF)…</source>
      <translation>&amp;Guardar una página para imprimir (PDF)…</translation>
    </message>
    <message>
      <source>Confirmation message</source>
      <translation>Mensaje de confirmación</translation>
    </message>
    <message>
      <source>Group {number} of the recovery key</source>
      <translation>Grupo {number} de la clave de recuperación</translation>
    </message>
    <message>
      <source>Group {number}:</source>
      <translation>Grupo {number}:</translation>
    </message>
    <message>
      <source>I have &amp;written it down</source>
      <translation>Ya la he &amp;anotado</translation>
    </message>
    <message>
      <source>Please type the two groups first; the key is not shown again.</source>
      <translation>Escriba primero los dos grupos; la clave no se vuelve a mostrar.</translation>
    </message>
    <message>
      <source>Recovery key</source>
      <translation>Clave de recuperación</translation>
    </message>
    <message>
      <source>Save recovery key page</source>
      <translation>Guardar la página de la clave de recuperación</translation>
    </message>
    <message>
      <source>Save the recovery key as a printable PDF page</source>
      <translation>Guardar la clave de recuperación como página PDF para imprimir</translation>
    </message>
    <message>
      <source>That does not match the key above.</source>
      <translation>No coincide con la clave de arriba.</translation>
    </message>
    <message>
      <source>To be sure you have it, type these groups of the key (counting from 1):</source>
      <translation>Para asegurarse de que la tiene, escriba estos grupos de la clave (contando desde 1):</translation>
    </message>
    <message>
      <source>Your journal is encrypted. Its key is kept in your system keyring, and wrapped under this recovery key. If the keyring entry is ever lost (a reinstall, another computer), this key is the only way to open your journal. Write it down or print it, and keep it somewhere safe and private. It is shown only now.</source>
      <translation>Su diario está cifrado. Su clave se guarda en el llavero del sistema y está protegida además con esta clave de recuperación. Si alguna vez se pierde la entrada del llavero (una reinstalación, otro ordenador), esta clave es la única forma de abrir su diario. Anótela o imprímala y guárdela en un lugar seguro y privado. Solo se muestra ahora.</translation>
    </message>
    <message>
      <source>Your recovery key</source>
      <translation>Su clave de recuperación</translation>
    </message>
  </context>
  <context>
    <name>Reminders</name>
    <message>
      <source>A daily reminder?</source>
      <translation>¿Un recordatorio diario?</translation>
    </message>
    <message>
      <source>A questionnaire is due</source>
      <translation>Toca rellenar un cuestionario</translation>
    </message>
    <message>
      <source>Appointment tomorrow</source>
      <translation>Cita mañana</translation>
    </message>
    <message>
      <source>Fill in</source>
      <translation>Rellenar</translation>
    </message>
    <message>
      <source>It comes only on days when no mood was logged yet, and says only “Time to log your mood”. Check-ins after a session are reminded too. Change the time, or keep reminders coming while the window is closed, in Settings.</source>
      <translation>Solo llega los días en que aún no se ha registrado el ánimo, y solo dice «Es hora de registrar su ánimo». También se recuerdan los seguimientos después de una sesión. En Preferencias puede cambiar la hora o seguir recibiendo recordatorios con la ventana cerrada.</translation>
    </message>
    <message>
      <source>Log mood</source>
      <translation>Registrar ánimo</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>Abrir</translation>
    </message>
    <message>
      <source>Reminders now come every other day. Change or stop them in Settings → Reminders.</source>
      <translation>Ahora los recordatorios llegan cada dos días. Puede cambiarlos o desactivarlos en Preferencias → Recordatorios.</translation>
    </message>
    <message>
      <source>Session-day advice: no driving or operating machinery until the next day, after a night's sleep. Plan a ride home.</source>
      <translation>Consejo para el día de la sesión: no conduzca ni maneje maquinaria hasta el día siguiente, después de una noche de sueño. Organice quién le lleve a casa.</translation>
    </message>
    <message>
      <source>Settings</source>
      <translation>Preferencias</translation>
    </message>
    <message>
      <source>Snooze 1 h</source>
      <translation>Posponer 1 h</translation>
    </message>
    <message>
      <source>This evening</source>
      <translation>Esta tarde</translation>
    </message>
    <message>
      <source>Time for your check-in</source>
      <translation>Es hora de su seguimiento</translation>
    </message>
    <message>
      <source>Time to log your mood</source>
      <translation>Es hora de registrar su ánimo</translation>
    </message>
    <message>
      <source>Would you like a reminder to log your mood each evening at 20:00?</source>
      <translation>¿Desea un recordatorio para registrar su ánimo cada tarde a las 20:00?</translation>
    </message>
  </context>
  <context>
    <name>Screens</name>
    <message>
      <source>&amp;Boosters</source>
      <translation>&amp;Boosters</translation>
    </message>
    <message>
      <source>&amp;Today</source>
      <translation>&amp;Hoy</translation>
    </message>
    <message>
      <source>A&amp;ppointment</source>
      <translation>C&amp;ita</translation>
    </message>
    <message>
      <source>Factors</source>
      <translation>Factores</translation>
    </message>
    <message>
      <source>Medications</source>
      <translation>Medicamentos</translation>
    </message>
    <message>
      <source>Plan</source>
      <translation>Plan</translation>
    </message>
    <message>
      <source>Screens</source>
      <translation>Pantallas</translation>
    </message>
    <message>
      <source>T&amp;rends</source>
      <translation>&amp;Tendencias</translation>
    </message>
    <message>
      <source>Ti&amp;meline</source>
      <translation>&amp;Cronología</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>Año</translation>
    </message>
  </context>
  <context>
    <name>Security</name>
    <message numerus="yes">
      <source> (Argon2id, {mib} MiB, %n pass(es))</source>
      <translation>
        <numerusform> (Argon2id, {mib} MiB, %n pasada)</numerusform>
        <numerusform> (Argon2id, {mib} MiB, %n pasadas)</numerusform>
      </translation>
    </message>
    <message>
      <source> minutes</source>
      <translation> minutos</translation>
    </message>
    <message>
      <source> on {day}</source>
      <translation> el {day}</translation>
    </message>
    <message>
      <source>&amp;Again</source>
      <translation>&amp;Repítala</translation>
    </message>
    <message>
      <source>&amp;Change the passphrase</source>
      <translation>Ca&amp;mbiar la frase de contraseña</translation>
    </message>
    <message>
      <source>&amp;Lock after idle</source>
      <translation>&amp;Bloquear tras inactividad de</translation>
    </message>
    <message>
      <source>&amp;New passphrase</source>
      <translation>&amp;Nueva frase de contraseña</translation>
    </message>
    <message numerus="yes">
      <source>A passphrase of at least %n character(s) (a few unrelated words) replaces the keyring: the journal then opens only with it or with the recovery key.</source>
      <translation>
        <numerusform>Una frase de contraseña de al menos %n carácter (unas cuantas palabras sin relación entre sí) sustituye al llavero: el diario solo se abre entonces con ella o con la clave de recuperación.</numerusform>
        <numerusform>Una frase de contraseña de al menos %n caracteres (unas cuantas palabras sin relación entre sí) sustituye al llavero: el diario solo se abre entonces con ella o con la clave de recuperación.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>At least %n character(s) ({typed} so far).</source>
      <translation>
        <numerusform>Al menos %n carácter (lleva {typed}).</numerusform>
        <numerusform>Al menos %n caracteres (lleva {typed}).</numerusform>
      </translation>
    </message>
    <message>
      <source>Backup restored</source>
      <translation>Copia de seguridad restaurada</translation>
    </message>
    <message>
      <source>C&amp;urrent passphrase or recovery key</source>
      <translation>Frase de contraseña &amp;actual o clave de recuperación</translation>
    </message>
    <message>
      <source>Checking the backup…</source>
      <translation>Comprobando la copia de seguridad…</translation>
    </message>
    <message>
      <source>Current passphrase or recovery key</source>
      <translation>Frase de contraseña actual o clave de recuperación</translation>
    </message>
    <message>
      <source>From now on the journal opens only with this passphrase or with your recovery key; the key is removed from the system keyring. If you lose both, nobody can open the journal. Continue?</source>
      <translation>A partir de ahora el diario solo se abre con esta frase de contraseña o con su clave de recuperación; la clave se retira del llavero del sistema. Si pierde ambas, nadie podrá abrir el diario. ¿Continuar?</translation>
    </message>
    <message>
      <source>How the key is kept</source>
      <translation>Cómo se guarda la clave</translation>
    </message>
    <message>
      <source>Keep the key in the keyring?</source>
      <translation>¿Guardar la clave en el llavero?</translation>
    </message>
    <message>
      <source>Keep your current passphrase?</source>
      <translation>¿Conservar su frase de contraseña actual?</translation>
    </message>
    <message>
      <source>Keep your current recovery key and passphrase?</source>
      <translation>¿Conservar su clave de recuperación y su frase de contraseña actuales?</translation>
    </message>
    <message>
      <source>Keep your current recovery key?</source>
      <translation>¿Conservar su clave de recuperación actual?</translation>
    </message>
    <message>
      <source>Key</source>
      <translation>Clave</translation>
    </message>
    <message>
      <source>Keyring mode: the key is kept in your system keyring, so the journal opens without a question while you are logged in. Programs running as you can read the keyring; a passphrase keeps the journal closed to them.</source>
      <translation>Modo llavero: la clave se guarda en el llavero del sistema, así que el diario se abre sin preguntar mientras tenga la sesión iniciada. Los programas que se ejecutan con su usuario pueden leer el llavero; una frase de contraseña les mantiene el diario cerrado.</translation>
    </message>
    <message>
      <source>Keyring warning</source>
      <translation>Aviso sobre el llavero</translation>
    </message>
    <message>
      <source>Lock after this many idle minutes (0 = off)</source>
      <translation>Bloquear tras estos minutos de inactividad (0 = desactivado)</translation>
    </message>
    <message>
      <source>Locking</source>
      <translation>Bloqueo</translation>
    </message>
    <message>
      <source>Make a new &amp;recovery key…</source>
      <translation>Crear una nueva clave de r&amp;ecuperación…</translation>
    </message>
    <message>
      <source>Make a new recovery key?</source>
      <translation>¿Crear una nueva clave de recuperación?</translation>
    </message>
    <message>
      <source>New passphrase</source>
      <translation>Nueva frase de contraseña</translation>
    </message>
    <message>
      <source>New passphrase again</source>
      <translation>Repita la nueva frase de contraseña</translation>
    </message>
    <message>
      <source>Off</source>
      <translation>Desactivado</translation>
    </message>
    <message>
      <source>Passphrase</source>
      <translation>Frase de contraseña</translation>
    </message>
    <message>
      <source>Passphrase message</source>
      <translation>Mensaje sobre la frase de contraseña</translation>
    </message>
    <message>
      <source>Passphrase mode is on. The key is no longer in the system keyring.</source>
      <translation>El modo frase de contraseña está activado. La clave ya no está en el llavero del sistema.</translation>
    </message>
    <message>
      <source>Passphrase mode: the key is not in the system keyring. ketajournal asks for your passphrase{detail} or your recovery key when it starts and after it locks.</source>
      <translation>Modo frase de contraseña: la clave no está en el llavero del sistema. ketajournal le pide su frase de contraseña{detail} o su clave de recuperación al iniciarse y después de bloquearse.</translation>
    </message>
    <message>
      <source>Passphrase or recovery key</source>
      <translation>Frase de contraseña o clave de recuperación</translation>
    </message>
    <message>
      <source>Recovery key</source>
      <translation>Clave de recuperación</translation>
    </message>
    <message>
      <source>Recovery key or passphrase</source>
      <translation>Clave de recuperación o frase de contraseña</translation>
    </message>
    <message>
      <source>Restore failed</source>
      <translation>No se pudo restaurar</translation>
    </message>
    <message>
      <source>Restore this backup?</source>
      <translation>¿Restaurar esta copia de seguridad?</translation>
    </message>
    <message>
      <source>Security</source>
      <translation>Seguridad</translation>
    </message>
    <message>
      <source>Security message</source>
      <translation>Mensaje de seguridad</translation>
    </message>
    <message>
      <source>Stop using a passphrase: keep the key in the &amp;keyring</source>
      <translation>Dejar la frase de contraseña: guardar la clave en el &amp;llavero</translation>
    </message>
    <message numerus="yes">
      <source>The backup was made {made} and holds %n entry(s); it opens with its key and passed its integrity check.

Restoring it closes your journal and moves its files to {folder} (nothing is deleted); the backup takes their place. Entries made since the backup will only be in the moved files. Restore it?</source>
      <translation>
        <numerusform>La copia de seguridad se hizo el {made} y contiene %n registro; se abre con su clave y ha superado su comprobación de integridad.

Restaurarla cierra su diario y mueve sus archivos a {folder} (no se elimina nada); la copia ocupa su lugar. Los registros hechos desde la copia solo estarán en los archivos movidos. ¿Restaurarla?</numerusform>
        <numerusform>La copia de seguridad se hizo el {made} y contiene %n registros; se abre con su clave y ha superado su comprobación de integridad.

Restaurarla cierra su diario y mueve sus archivos a {folder} (no se elimina nada); la copia ocupa su lugar. Los registros hechos desde la copia solo estarán en los archivos movidos. ¿Restaurarla?</numerusform>
      </translation>
    </message>
    <message>
      <source>The files could not be read or written ({reason}). Nothing was changed.</source>
      <translation>No se pudieron leer o escribir los archivos ({reason}). No se ha cambiado nada.</translation>
    </message>
    <message>
      <source>The key goes back into your system keyring and the passphrase stops opening the journal; it then opens without a question while you are logged in. Continue?</source>
      <translation>La clave vuelve al llavero del sistema y la frase de contraseña deja de abrir el diario; este se abrirá sin preguntar mientras tenga la sesión iniciada. ¿Continuar?</translation>
    </message>
    <message>
      <source>The key is in the system keyring again; the passphrase no longer opens the journal.</source>
      <translation>La clave vuelve a estar en el llavero del sistema; la frase de contraseña ya no abre el diario.</translation>
    </message>
    <message>
      <source>The passphrase was changed. The old one no longer opens the journal.</source>
      <translation>Se ha cambiado la frase de contraseña. La anterior ya no abre el diario.</translation>
    </message>
    <message>
      <source>The passphrases match.</source>
      <translation>Las frases de contraseña coinciden.</translation>
    </message>
    <message>
      <source>The two passphrases are not the same yet.</source>
      <translation>Las dos frases de contraseña aún no coinciden.</translation>
    </message>
    <message>
      <source>The two passphrases are not the same. Nothing was changed.</source>
      <translation>Las dos frases de contraseña no coinciden. No se ha cambiado nada.</translation>
    </message>
    <message>
      <source>This backup is older than your journal's current passphrase. Keep the current passphrase for the restored journal?</source>
      <translation>Esta copia de seguridad es anterior a la frase de contraseña actual de su diario. ¿Conservar la frase de contraseña actual para el diario restaurado?</translation>
    </message>
    <message>
      <source>This backup is older than your journal's current recovery key and passphrase. Keep them for the restored journal?</source>
      <translation>Esta copia de seguridad es anterior a la clave de recuperación y la frase de contraseña actuales de su diario. ¿Conservarlas para el diario restaurado?</translation>
    </message>
    <message>
      <source>This backup is older than your journal's current recovery key. Keep the current recovery key for the restored journal?</source>
      <translation>Esta copia de seguridad es anterior a la clave de recuperación actual de su diario. ¿Conservar la clave de recuperación actual para el diario restaurado?</translation>
    </message>
    <message>
      <source>This journal has no recovery key yet. Make one now: it is the way back if the keyring or the passphrase is lost.</source>
      <translation>Este diario aún no tiene clave de recuperación. Cree una ahora: es el camino de vuelta si se pierde el llavero o la frase de contraseña.</translation>
    </message>
    <message>
      <source>To change the passphrase, type the current one (or the recovery key) and the new one twice.</source>
      <translation>Para cambiar la frase de contraseña, escriba la actual (o la clave de recuperación) y dos veces la nueva.</translation>
    </message>
    <message>
      <source>Type the new passphrase again.</source>
      <translation>Escriba de nuevo la nueva frase de contraseña.</translation>
    </message>
    <message>
      <source>Type your current passphrase or your recovery key first. Nothing was changed.</source>
      <translation>Escriba primero su frase de contraseña actual o su clave de recuperación. No se ha cambiado nada.</translation>
    </message>
    <message>
      <source>Use a passphrase?</source>
      <translation>¿Usar una frase de contraseña?</translation>
    </message>
    <message>
      <source>Use this &amp;passphrase</source>
      <translation>&amp;Usar esta frase de contraseña</translation>
    </message>
    <message>
      <source>Warning: {warning}.</source>
      <translation>Aviso: {warning}.</translation>
    </message>
    <message>
      <source>Why the recovery key or passphrase is needed</source>
      <translation>Por qué se necesita la clave de recuperación o la frase de contraseña</translation>
    </message>
    <message>
      <source>Yes: the backup is re-wrapped under them, and a key you replaced since stays revoked.
No: the restored journal opens with the recovery key and passphrase it had when the backup was made.</source>
      <translation>Sí: la copia se vuelve a proteger con ellas, y una clave que haya sustituido desde entonces sigue revocada.
No: el diario restaurado se abre con la clave de recuperación y la frase de contraseña que tenía cuando se hizo la copia.</translation>
    </message>
    <message>
      <source>Your current recovery key will stop opening this journal (backups made before keep opening with it). The new one is shown once: have paper ready. Continue?</source>
      <translation>Su clave de recuperación actual dejará de abrir este diario (las copias de seguridad anteriores se siguen abriendo con ella). La nueva se muestra una sola vez: tenga papel a mano. ¿Continuar?</translation>
    </message>
    <message>
      <source>Your recovery key was made{made}. A new one replaces it: the old one stops opening the journal (backups made before keep it).</source>
      <translation>Su clave de recuperación se creó{made}. Una nueva la sustituye: la anterior deja de abrir el diario (las copias de seguridad anteriores la conservan).</translation>
    </message>
    <message>
      <source>{app}: backup restored</source>
      <translation>{app}: copia de seguridad restaurada</translation>
    </message>
    <message>
      <source>{app}: restore failed</source>
      <translation>{app}: no se pudo restaurar</translation>
    </message>
    <message>
      <source>{app}: your journal is damaged</source>
      <translation>{app}: su diario está dañado</translation>
    </message>
    <message>
      <source>{problem}

Restore the backup from {made}?</source>
      <translation>{problem}

¿Restaurar la copia de seguridad del {made}?</translation>
    </message>
  </context>
  <context>
    <name>Settings</name>
    <message>
      <source> days</source>
      <translation> días</translation>
    </message>
    <message>
      <source> h before</source>
      <translation> h antes</translation>
    </message>
    <message>
      <source>&amp;Keep running in the background when the window is closed</source>
      <translation>Seguir en &amp;segundo plano al cerrar la ventana</translation>
    </message>
    <message>
      <source>&amp;Remind me of planned sessions: the evening before, and</source>
      <translation>&amp;Recordarme las sesiones planificadas: la víspera, y</translation>
    </message>
    <message>
      <source>&amp;Your own resources</source>
      <translation>Sus recursos pr&amp;opios</translation>
    </message>
    <message>
      <source>Appointment reminders</source>
      <translation>Recordatorios de citas</translation>
    </message>
    <message>
      <source>As the system (light or dark)</source>
      <translation>Como el sistema (claro u oscuro)</translation>
    </message>
    <message>
      <source>At 20:00 the day before and some hours before each session still planned.</source>
      <translation>A las 20:00 del día anterior y unas horas antes de cada sesión aún planificada.</translation>
    </message>
    <message>
      <source>Automatic: the last one before the first session</source>
      <translation>Automático: el último antes de la primera sesión</translation>
    </message>
    <message>
      <source>C&amp;olours</source>
      <translation>Co&amp;lores</translation>
    </message>
    <message>
      <source>Check-ins after a session and questionnaires are reminded when due.</source>
      <translation>Los seguimientos tras una sesión y los cuestionarios se recuerdan cuando tocan.</translation>
    </message>
    <message>
      <source>Colour scheme</source>
      <translation>Esquema de colores</translation>
    </message>
    <message>
      <source>Crisis resources &amp;for</source>
      <translation>Recursos de crisis &amp;para</translation>
    </message>
    <message>
      <source>Crisis resources for country</source>
      <translation>Recursos de crisis del país</translation>
    </message>
    <message>
      <source>Daily mood reminder</source>
      <translation>Recordatorio diario del ánimo</translation>
    </message>
    <message>
      <source>Daily mood reminder time</source>
      <translation>Hora del recordatorio diario del ánimo</translation>
    </message>
    <message>
      <source>Dark</source>
      <translation>Oscuro</translation>
    </message>
    <message>
      <source>Detailed notification text</source>
      <translation>Texto detallado en las notificaciones</translation>
    </message>
    <message>
      <source>From my locale (US Letter in the US and Canada, else A4)</source>
      <translation>Según mi región (carta en EE. UU. y Canadá; si no, A4)</translation>
    </message>
    <message>
      <source>Hours before a planned session</source>
      <translation>Horas antes de una sesión planificada</translation>
    </message>
    <message>
      <source>Keep running in the background</source>
      <translation>Seguir en segundo plano</translation>
    </message>
    <message>
      <source>Lan&amp;guage</source>
      <translation>Idio&amp;ma</translation>
    </message>
    <message>
      <source>Language of the window</source>
      <translation>Idioma de la ventana</translation>
    </message>
    <message>
      <source>Light</source>
      <translation>Claro</translation>
    </message>
    <message>
      <source>Not available for the demo journal.</source>
      <translation>No disponible para el diario de demostración.</translation>
    </message>
    <message>
      <source>Off: notifications say only "Time to log your mood" and the like, safe on a lock screen or over your shoulder.</source>
      <translation>Desactivado: las notificaciones solo dicen «Es hora de registrar su ánimo» y similares, sin riesgo en la pantalla de bloqueo o si alguien mira.</translation>
    </message>
    <message>
      <source>Only on days when no mood was logged by then.</source>
      <translation>Solo los días en que no se haya registrado el ánimo hasta esa hora.</translation>
    </message>
    <message>
      <source>Open the security settings</source>
      <translation>Abrir los ajustes de seguridad</translation>
    </message>
    <message>
      <source>Optional: your own numbers and contacts, one per line (replaces the list above)</source>
      <translation>Opcional: sus propios números y contactos, uno por línea (sustituye la lista de arriba)</translation>
    </message>
    <message>
      <source>PDF &amp;paper</source>
      <translation>Papel del PD&amp;F</translation>
    </message>
    <message>
      <source>Paper of the clinician PDF</source>
      <translation>Papel del PDF para el equipo clínico</translation>
    </message>
    <message>
      <source>Questionnaires &amp;due every</source>
      <translation>Cuestionarios &amp;cada</translation>
    </message>
    <message>
      <source>Questionnaires due every</source>
      <translation>Cuestionarios cada</translation>
    </message>
    <message>
      <source>Remind me to log my &amp;mood every day at</source>
      <translation>Recordarme registrar el á&amp;nimo cada día a las</translation>
    </message>
    <message>
      <source>Reminders</source>
      <translation>Recordatorios</translation>
    </message>
    <message>
      <source>Reminders come while the window is closed; a tray icon (where your desktop has one) and the notifications bring it back.</source>
      <translation>Los recordatorios llegan aunque la ventana esté cerrada; un icono en la bandeja del sistema (si su escritorio la tiene) y las notificaciones la vuelven a abrir.</translation>
    </message>
    <message>
      <source>Se&amp;curity: passphrase, recovery key, auto-lock…</source>
      <translation>Se&amp;guridad: frase de contraseña, clave de recuperación, bloqueo automático…</translation>
    </message>
    <message>
      <source>Settings</source>
      <translation>Preferencias</translation>
    </message>
    <message>
      <source>Show de&amp;tails in notifications (session dates, questionnaire names)</source>
      <translation>Mostrar &amp;detalles en las notificaciones (fechas de sesiones, nombres de cuestionarios)</translation>
    </message>
    <message>
      <source>Start at login</source>
      <translation>Iniciar al entrar en la sesión</translation>
    </message>
    <message>
      <source>Start at login could not be changed: {reason}.</source>
      <translation>No se pudo cambiar el inicio al entrar en la sesión: {reason}.</translation>
    </message>
    <message>
      <source>Start in the background when I &amp;log in</source>
      <translation>Arrancar en segundo plano al &amp;iniciar sesión</translation>
    </message>
    <message>
      <source>System default</source>
      <translation>Como el sistema</translation>
    </message>
    <message>
      <source>The booster threshold T is set on the Boosters screen.</source>
      <translation>El umbral T de los boosters se fija en la pantalla Boosters.</translation>
    </message>
    <message>
      <source>The new language takes effect when you next open ketajournal.</source>
      <translation>El nuevo idioma se aplicará la próxima vez que abra ketajournal.</translation>
    </message>
    <message>
      <source>US Letter</source>
      <translation>Carta (EE. UU.)</translation>
    </message>
    <message>
      <source>When the new language takes effect</source>
      <translation>Cuándo se aplica el nuevo idioma</translation>
    </message>
    <message>
      <source>Your own crisis resources</source>
      <translation>Sus propios recursos de crisis</translation>
    </message>
    <message>
      <source>total below </source>
      <translation>total por debajo de </translation>
    </message>
    <message>
      <source>{day}: total {total}</source>
      <translation>{day}: total {total}</translation>
    </message>
    <message>
      <source>{title} baseline</source>
      <translation>{title}: valor basal</translation>
    </message>
    <message>
      <source>{title} remission</source>
      <translation>{title}: remisión</translation>
    </message>
    <message>
      <source>{title} remission threshold</source>
      <translation>{title}: umbral de remisión</translation>
    </message>
  </context>
  <context>
    <name>Sync</name>
    <message>
      <source>C&amp;hange the sync folder…</source>
      <translation>Cam&amp;biar la carpeta de sincronización…</translation>
    </message>
    <message>
      <source>Choose a folder you sync to link this journal</source>
      <translation>Elija una carpeta que usted sincronice para vincular este diario</translation>
    </message>
    <message>
      <source>Choose the folder to sync through</source>
      <translation>Elija la carpeta a través de la que sincronizar</translation>
    </message>
    <message>
      <source>Not set up. Choose a folder you already sync between your computers (Syncthing, Nextcloud, Dropbox, a USB stick); only encrypted files go there.</source>
      <translation>Sin configurar. Elija una carpeta que ya sincronice entre sus ordenadores (Syncthing, Nextcloud, Dropbox, una memoria USB); allí solo van archivos cifrados.</translation>
    </message>
    <message>
      <source>Set &amp;up sync…</source>
      <translation>Con&amp;figurar la sincronización…</translation>
    </message>
    <message>
      <source>Sync &amp;now</source>
      <translation>Sincronizar a&amp;hora</translation>
    </message>
    <message>
      <source>Sync status</source>
      <translation>Estado de la sincronización</translation>
    </message>
    <message>
      <source>Sync waited: {reason}</source>
      <translation>La sincronización espera: {reason}</translation>
    </message>
    <message>
      <source>Sync with your other computers</source>
      <translation>Sincronizar con sus otros ordenadores</translation>
    </message>
    <message>
      <source>Sync: the folder could not be used ({reason}).</source>
      <translation>Sincronización: no se pudo usar la carpeta ({reason}).</translation>
    </message>
    <message>
      <source>Sync: {error}</source>
      <translation>Sincronización: {error}</translation>
    </message>
    <message>
      <source>{status}
Folder: {folder}</source>
      <translation>{status}
Carpeta: {folder}</translation>
    </message>
  </context>
  <context>
    <name>SyncComputers</name>
    <message>
      <source>&amp;Remove this computer…</source>
      <translation>&amp;Quitar este ordenador…</translation>
    </message>
    <message>
      <source>A computer</source>
      <translation>Un ordenador</translation>
    </message>
    <message>
      <source>Computers in the sync folder</source>
      <translation>Ordenadores en la carpeta de sincronización</translation>
    </message>
    <message>
      <source>Computers:</source>
      <translation>Ordenadores:</translation>
    </message>
    <message>
      <source>Problem</source>
      <translation>Problema</translation>
    </message>
    <message>
      <source>Recovery key or passphrase</source>
      <translation>Clave de recuperación o frase de contraseña</translation>
    </message>
    <message>
      <source>Remove the selected computer from sync</source>
      <translation>Quitar el ordenador elegido de la sincronización</translation>
    </message>
    <message>
      <source>Remove {name}</source>
      <translation>Quitar {name}</translation>
    </message>
    <message>
      <source>Remove {name} from sync</source>
      <translation>Quitar {name} de la sincronización</translation>
    </message>
    <message>
      <source>Removing the computer and making a new sync key…</source>
      <translation>Quitando el ordenador y creando una nueva clave de sincronización…</translation>
    </message>
    <message>
      <source>Removing {name} gives every other computer a new sync key that {name} does not get.

What it does: changes made on {name} from now on are refused by your other computers, and {name} cannot read what they write from now on. Its own sync stops with a message.

What it does not do: {name} keeps everything it already has — its journal and everything it synced until now. Your recovery key and passphrase still open the journal and can join the folder again: if someone with {name} may know them, make a new recovery key (and passphrase) in Security… first. The sync service still sees the folder names and when each computer wrote.</source>
      <translation>Al quitar {name}, cada uno de los demás ordenadores recibe una nueva clave de sincronización que {name} no recibe.

Lo que hace: sus otros ordenadores rechazan los cambios hechos en {name} a partir de ahora, y {name} ya no puede leer lo que ellos escriban a partir de ahora. Su propia sincronización se detiene con un mensaje.

Lo que no hace: {name} conserva todo lo que ya tiene: su diario y todo lo que ha sincronizado hasta ahora. Su clave de recuperación y su frase de contraseña siguen abriendo el diario y pueden volver a unirse a la carpeta: si alguien con {name} pudiera conocerlas, vaya primero a Seguridad… y cree una nueva clave de recuperación (y frase de contraseña). El servicio de sincronización sigue viendo los nombres de las carpetas y cuándo escribió cada ordenador.</translation>
    </message>
    <message>
      <source>To confirm, type the journal's recovery key or passphrase (computers that join later will use it):</source>
      <translation>Para confirmar, escriba la clave de recuperación o la frase de contraseña del diario (la usarán los ordenadores que se unan más tarde):</translation>
    </message>
    <message>
      <source>computer …{id}</source>
      <translation>ordenador …{id}</translation>
    </message>
    <message numerus="yes">
      <source>last seen %n hour(s) ago</source>
      <translation>
        <numerusform>visto por última vez hace %n hora</numerusform>
        <numerusform>visto por última vez hace %n horas</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>last seen %n min ago</source>
      <translation>
        <numerusform>visto por última vez hace %n min</numerusform>
        <numerusform>visto por última vez hace %n min</numerusform>
      </translation>
    </message>
    <message>
      <source>last seen just now</source>
      <translation>visto por última vez ahora mismo</translation>
    </message>
    <message>
      <source>last seen on {date}</source>
      <translation>visto por última vez el {date}</translation>
    </message>
    <message>
      <source>never seen</source>
      <translation>nunca visto</translation>
    </message>
    <message>
      <source>removed on {date}</source>
      <translation>quitado el {date}</translation>
    </message>
    <message>
      <source>this computer</source>
      <translation>este ordenador</translation>
    </message>
    <message>
      <source>{problem} Nothing was removed.</source>
      <translation>{problem} No se ha quitado nada.</translation>
    </message>
  </context>
  <context>
    <name>Tasks</name>
    <message>
      <source>The file could not be written ({reason}).</source>
      <translation>No se pudo escribir el archivo ({reason}).</translation>
    </message>
    <message>
      <source>{task} failed</source>
      <translation>{task}: ha fallado</translation>
    </message>
  </context>
  <context>
    <name>Timeline</name>
    <message>
      <source> → {bp} leaving</source>
      <translation> → {bp} al irse</translation>
    </message>
    <message>
      <source>&amp;Delete</source>
      <translation>E&amp;liminar</translation>
    </message>
    <message>
      <source>&amp;Show:</source>
      <translation>Mo&amp;strar:</translation>
    </message>
    <message>
      <source>, {minutes} min</source>
      <translation>, {minutes} min</translation>
    </message>
    <message>
      <source>; question {number} answered above 0</source>
      <translation>; pregunta {number} respondida por encima de 0</translation>
    </message>
    <message>
      <source>All entries, newest first</source>
      <translation>Todos los registros, los más recientes primero</translation>
    </message>
    <message>
      <source>All kinds</source>
      <translation>Todos los tipos</translation>
    </message>
    <message>
      <source>BP {before} → {after}</source>
      <translation>PA {before} → {after}</translation>
    </message>
    <message>
      <source>Delete the selected entry</source>
      <translation>Eliminar el registro seleccionado</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>Detalles</translation>
    </message>
    <message>
      <source>Ed&amp;it…</source>
      <translation>&amp;Modificar…</translation>
    </message>
    <message>
      <source>Edit the selected entry</source>
      <translation>Modificar el registro seleccionado</translation>
    </message>
    <message>
      <source>HR {} bpm</source>
      <translation>FC {} lpm</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Tipo</translation>
    </message>
    <message>
      <source>Mood {score}/10</source>
      <translation>Ánimo {score}/10</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Nota</translation>
    </message>
    <message>
      <source>RED FLAG — {text}</source>
      <translation>SEÑAL DE ALARMA — {text}</translation>
    </message>
    <message>
      <source>Search in notes</source>
      <translation>Buscar en las notas</translation>
    </message>
    <message>
      <source>Show kind</source>
      <translation>Tipo que mostrar</translation>
    </message>
    <message>
      <source>Timeline message</source>
      <translation>Mensaje de la cronología</translation>
    </message>
    <message>
      <source>Timeline → Delete the selected entry</source>
      <translation>Cronología → Eliminar el registro seleccionado</translation>
    </message>
    <message>
      <source>Timeline → Edit the selected entry</source>
      <translation>Cronología → Editar el registro seleccionado</translation>
    </message>
    <message>
      <source>When</source>
      <translation>Cuándo</translation>
    </message>
    <message>
      <source>anxiety {score}/10</source>
      <translation>ansiedad {score}/10</translation>
    </message>
    <message>
      <source>dissociation {score}/10</source>
      <translation>disociación {score}/10</translation>
    </message>
    <message>
      <source>energy {score}/10</source>
      <translation>energía {score}/10</translation>
    </message>
    <message>
      <source>observed {} min</source>
      <translation>observación {} min</translation>
    </message>
    <message>
      <source>slept {hours} h</source>
      <translation>durmió {hours} h</translation>
    </message>
    <message>
      <source>{kind} deleted. Edit → Undo (Ctrl+Z) brings it back.</source>
      <translation>{kind}: eliminado. Editar → Deshacer (Ctrl+Z) lo recupera.</translation>
    </message>
    <message>
      <source>{label}, severity {score}/10</source>
      <translation>{label}, gravedad {score}/10</translation>
    </message>
  </context>
  <context>
    <name>Today</name>
    <message>
      <source> and </source>
      <translation> y </translation>
    </message>
    <message>
      <source>&amp;Note (optional):</source>
      <translation>Nota (o&amp;pcional):</translation>
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation>&amp;Deshacer</translation>
    </message>
    <message>
      <source>, change {percent} %</source>
      <translation>, cambio {percent} %</translation>
    </message>
    <message>
      <source>Acknowledge</source>
      <translation>Entendido</translation>
    </message>
    <message>
      <source>Acknowledge this answer (it stays in reports)</source>
      <translation>Dar por vista esta respuesta (sigue en los informes)</translation>
    </message>
    <message>
      <source>An&amp;xiety</source>
      <translation>A&amp;nsiedad</translation>
    </message>
    <message>
      <source>Anxiety</source>
      <translation>Ansiedad</translation>
    </message>
    <message>
      <source>Baseline: the last one before your first treatment session, unless you picked one in Settings. Change = (latest − baseline) ÷ baseline. Response: latest total at least 50 % lower than baseline. Remission: latest total below {thresholds}.</source>
      <translation>Valor basal: el último antes de su primera sesión de tratamiento, salvo que haya elegido otro en Preferencias. Cambio = (último − basal) ÷ basal. Respuesta: último total al menos un 50 % por debajo del basal. Remisión: último total por debajo de {thresholds}.</translation>
    </message>
    <message>
      <source>Click a number or type it to save it. {worst} = worst, {best} = best.</source>
      <translation>Haga clic en un número o escríbalo para guardarlo. {worst} = el peor, {best} = el mejor.</translation>
    </message>
    <message>
      <source>Continue: {form}</source>
      <translation>Continuar: {form}</translation>
    </message>
    <message>
      <source>Continue…</source>
      <translation>Continuar…</translation>
    </message>
    <message>
      <source>Did your session happen?</source>
      <translation>¿Tuvo lugar su sesión?</translation>
    </message>
    <message>
      <source>Discard</source>
      <translation>Descartar</translation>
    </message>
    <message>
      <source>Discard: {form}</source>
      <translation>Descartar: {form}</translation>
    </message>
    <message>
      <source>Dismiss</source>
      <translation>Ocultar</translation>
    </message>
    <message>
      <source>Dismiss: {item}</source>
      <translation>Ocultar: {item}</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>Pendiente</translation>
    </message>
    <message>
      <source>Ener&amp;gy</source>
      <translation>Ener&amp;gía</translation>
    </message>
    <message>
      <source>Energy</source>
      <translation>Energía</translation>
    </message>
    <message>
      <source>Fill in the {title}</source>
      <translation>Rellenar el {title}</translation>
    </message>
    <message>
      <source>Fill in {title}</source>
      <translation>Rellenar {title}</translation>
    </message>
    <message>
      <source>Fill in {title}…</source>
      <translation>Rellenar {title}…</translation>
    </message>
    <message>
      <source>Fill in…</source>
      <translation>Rellenar…</translation>
    </message>
    <message>
      <source>Hides this here; the answer stays flagged in your reports.</source>
      <translation>Lo oculta aquí; la respuesta sigue marcada en sus informes.</translation>
    </message>
    <message>
      <source>How is your mood right now?</source>
      <translation>¿Cómo está su ánimo ahora mismo?</translation>
    </message>
    <message>
      <source>It happened</source>
      <translation>Tuvo lugar</translation>
    </message>
    <message>
      <source>It was missed</source>
      <translation>No tuvo lugar</translation>
    </message>
    <message>
      <source>Log &amp;an event…</source>
      <translation>Registrar un event&amp;o…</translation>
    </message>
    <message>
      <source>Log a &amp;session…</source>
      <translation>Registrar una &amp;sesión…</translation>
    </message>
    <message>
      <source>Log a si&amp;de effect…</source>
      <translation>Registrar un e&amp;fecto secundario…</translation>
    </message>
    <message>
      <source>Log a side effect</source>
      <translation>Registrar un efecto secundario</translation>
    </message>
    <message>
      <source>Log a treatment session</source>
      <translation>Registrar una sesión de tratamiento</translation>
    </message>
    <message>
      <source>Log an event</source>
      <translation>Registrar un evento</translation>
    </message>
    <message>
      <source>Mark planned session done</source>
      <translation>Marcar la sesión planificada como realizada</translation>
    </message>
    <message>
      <source>Mark planned session missed</source>
      <translation>Marcar la sesión planificada como perdida</translation>
    </message>
    <message>
      <source>More details (anxiety, energy, sleep, time, tags)</source>
      <translation>Más detalles (ansiedad, energía, sueño, hora, etiquetas)</translation>
    </message>
    <message>
      <source>Needs your attention</source>
      <translation>Requiere su atención</translation>
    </message>
    <message>
      <source>Next planned session</source>
      <translation>Próxima sesión planificada</translation>
    </message>
    <message>
      <source>Next session: {when}</source>
      <translation>Próxima sesión: {when}</translation>
    </message>
    <message>
      <source>No, it was missed</source>
      <translation>No, no tuvo lugar</translation>
    </message>
    <message>
      <source>Not saved yet</source>
      <translation>Aún sin guardar</translation>
    </message>
    <message>
      <source>Note for this mood entry</source>
      <translation>Nota de este registro de ánimo</translation>
    </message>
    <message>
      <source>Nothing logged yet today.</source>
      <translation>Hoy aún no hay nada registrado.</translation>
    </message>
    <message>
      <source>On {day} you answered {title} question {item} (thoughts that you would be better off dead or of hurting yourself) with “{answer}”. Help is available.</source>
      <translation>El {day} respondió a la pregunta {item} del {title} (pensamientos de que estaría mejor muerto/a o de hacerse daño) con «{answer}». Hay ayuda disponible.</translation>
    </message>
    <message>
      <source>Planned for {when}.</source>
      <translation>Planificada para {when}.</translation>
    </message>
    <message>
      <source>Planned session</source>
      <translation>Sesión planificada</translation>
    </message>
    <message>
      <source>Planned sessions whose time has passed</source>
      <translation>Sesiones planificadas cuya hora ya pasó</translation>
    </message>
    <message>
      <source>Questionnaires: baseline and now</source>
      <translation>Cuestionarios: valor basal y ahora</translation>
    </message>
    <message>
      <source>Restored what you typed on {when}; choose your mood to save it.</source>
      <translation>Se recuperó lo que escribió el {when}; elija su ánimo para guardarlo.</translation>
    </message>
    <message>
      <source>Safety answer</source>
      <translation>Respuesta de seguridad</translation>
    </message>
    <message>
      <source>Save mood {score} ({worst} = worst, {best} = best)</source>
      <translation>Guardar ánimo {score} ({worst} = el peor, {best} = el mejor)</translation>
    </message>
    <message>
      <source>Save mood {score} of {best}</source>
      <translation>Guardar ánimo {score} de {best}</translation>
    </message>
    <message>
      <source>Save status</source>
      <translation>Estado del guardado</translation>
    </message>
    <message>
      <source>Saved at {time}.</source>
      <translation>Guardado a las {time}.</translation>
    </message>
    <message>
      <source>Show crisis resources</source>
      <translation>Mostrar recursos de crisis</translation>
    </message>
    <message>
      <source>Show more details</source>
      <translation>Mostrar más detalles</translation>
    </message>
    <message>
      <source>Sleep last night (h&amp;ours)</source>
      <translation>Horas dor&amp;midas anoche</translation>
    </message>
    <message>
      <source>Sleep last night in hours</source>
      <translation>Horas de sueño anoche</translation>
    </message>
    <message>
      <source>T&amp;ime</source>
      <translation>Hora de&amp;l registro</translation>
    </message>
    <message>
      <source>Tags (&amp;keywords)</source>
      <translation>Eti&amp;quetas (palabras clave)</translation>
    </message>
    <message>
      <source>Tags of this mood entry, separated by commas</source>
      <translation>Etiquetas de este registro de ánimo, separadas por comas</translation>
    </message>
    <message>
      <source>Time of this mood entry</source>
      <translation>Hora de este registro de ánimo</translation>
    </message>
    <message>
      <source>Today so far</source>
      <translation>Hoy hasta ahora</translation>
    </message>
    <message numerus="yes">
      <source>Today so far: %n mood entry(s).</source>
      <translation>
        <numerusform>Hoy hasta ahora: %n registro de ánimo.</numerusform>
        <numerusform>Hoy hasta ahora: %n registros de ánimo.</numerusform>
      </translation>
    </message>
    <message>
      <source>Undo the last save</source>
      <translation>Deshacer el último guardado</translation>
    </message>
    <message>
      <source>Unsaved forms</source>
      <translation>Formularios sin guardar</translation>
    </message>
    <message>
      <source>Yes, link the session logged that day</source>
      <translation>Sí, vincular la sesión registrada ese día</translation>
    </message>
    <message>
      <source>Yes, log it…</source>
      <translation>Sí, registrarla…</translation>
    </message>
    <message>
      <source>best  {best}</source>
      <translation>el mejor  {best}</translation>
    </message>
    <message>
      <source>e.g. walk, friends (separated by commas)</source>
      <translation>p. ej. paseo, amigos (separadas por comas)</translation>
    </message>
    <message>
      <source>latest {total} ({band}, {day})</source>
      <translation>último {total} ({band}, {day})</translation>
    </message>
    <message>
      <source>most</source>
      <translation>máxima</translation>
    </message>
    <message>
      <source>none</source>
      <translation>ninguna</translation>
    </message>
    <message>
      <source>worst</source>
      <translation>la peor</translation>
    </message>
    <message>
      <source>{day}, your pick</source>
      <translation>{day}, elegido por usted</translation>
    </message>
    <message>
      <source>{day}, {time}</source>
      <translation>{day}, {time}</translation>
    </message>
    <message>
      <source>{day}, {time} at {clinic}</source>
      <translation>{day}, {time} en {clinic}</translation>
    </message>
    <message>
      <source>{form}, typed on {when}.</source>
      <translation>{form}, escrito el {when}.</translation>
    </message>
    <message>
      <source>{text}, response {response}, remission {remission}.</source>
      <translation>{text}, respuesta {response}, remisión {remission}.</translation>
    </message>
    <message>
      <source>{text}; response and remission {verdict}.</source>
      <translation>{text}; respuesta y remisión {verdict}.</translation>
    </message>
    <message>
      <source>{threshold} on {title}</source>
      <translation>{threshold} en el {title}</translation>
    </message>
    <message>
      <source>{title} progress</source>
      <translation>Evolución del {title}</translation>
    </message>
    <message>
      <source>{title}: baseline {total} ({baseline}) → {latest}</source>
      <translation>{title}: basal {total} ({baseline}) → {latest}</translation>
    </message>
    <message>
      <source>{title}: none filled yet.</source>
      <translation>{title}: aún no rellenado.</translation>
    </message>
    <message>
      <source>{title}: {latest}; no baseline.</source>
      <translation>{title}: {latest}; sin valor basal.</translation>
    </message>
    <message>
      <source>{worst}  worst</source>
      <translation>{worst}  el peor</translation>
    </message>
  </context>
  <context>
    <name>Tray</name>
    <message>
      <source>Lock</source>
      <translation>Bloquear</translation>
    </message>
    <message>
      <source>Log mood…</source>
      <translation>Registrar ánimo…</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>Abrir</translation>
    </message>
    <message>
      <source>Quit</source>
      <translation>Salir</translation>
    </message>
  </context>
  <context>
    <name>TrendHover</name>
    <message>
      <source>1 entry</source>
      <translation>1 registro</translation>
    </message>
    <message numerus="yes">
      <source>daily mean of %n entry(s)</source>
      <translation>
        <numerusform>media diaria de %n registro</numerusform>
        <numerusform>media diaria de %n registros</numerusform>
      </translation>
    </message>
    <message>
      <source>{day} — anxiety {score} (10 = worst; {entries})</source>
      <translation>{day} — ansiedad {score} (10 = la peor; {entries})</translation>
    </message>
    <message>
      <source>{day} — mood {score} ({entries}); 7-day mean {mean}</source>
      <translation>{day} — ánimo {score} ({entries}); media de 7 días {mean}</translation>
    </message>
    <message>
      <source>{day} — sleep {hours} h ({entries})</source>
      <translation>{day} — sueño {hours} h ({entries})</translation>
    </message>
  </context>
  <context>
    <name>TrendTable</name>
    <message>
      <source>7-day mean</source>
      <translation>Media de 7 días</translation>
    </message>
    <message>
      <source>Chart data: one row per day</source>
      <translation>Datos del gráfico: una fila por día</translation>
    </message>
    <message>
      <source>Day</source>
      <translation>Día</translation>
    </message>
    <message>
      <source>Mood</source>
      <translation>Ánimo</translation>
    </message>
    <message>
      <source>Sessions</source>
      <translation>Sesiones</translation>
    </message>
    <message>
      <source>The Trends chart as a table, newest day first: daily mood, its 7-day mean and the sessions of that day.</source>
      <translation>El gráfico de Tendencias como tabla, el día más reciente primero: ánimo diario, su media de 7 días y las sesiones de ese día.</translation>
    </message>
    <message>
      <source>none</source>
      <translation>ninguno</translation>
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
      <translation>. Líneas verticales: sesiones de tratamiento; anillos huecos arriba: sesiones aún planificadas. Triángulos: efectos secundarios (apuntando hacia arriba: una señal de alarma). Rombos pequeños en la fila inferior, con una línea punteada y una etiqueta: inicios, cambios de dosis y suspensiones de medicación. </translation>
    </message>
    <message>
      <source>Crosses (Show sleep): sleep in hours on the left scale; {definition}.</source>
      <translation>Cruces (Mostrar sueño): sueño en horas en la escala izquierda; {definition}.</translation>
    </message>
    <message>
      <source>Diamonds and hexagons: PHQ-9 and GAD-7 totals on the right axis ({definition}); shaded: the {title} severity bands ({bands}). </source>
      <translation>Rombos y hexágonos: puntuaciones totales del PHQ-9 y del GAD-7 en el eje derecho ({definition}); sombreado: los tramos de gravedad del {title} ({bands}). </translation>
    </message>
    <message>
      <source>Hide the &amp;data table</source>
      <translation>Ocultar la tabla de &amp;datos</translation>
    </message>
    <message>
      <source>Points: daily mood (mean of the day's entries). </source>
      <translation>Puntos: ánimo diario (media de los registros del día). </translation>
    </message>
    <message>
      <source>Show the &amp;data as a table</source>
      <translation>Ver los &amp;datos como tabla</translation>
    </message>
    <message>
      <source>Show the chart data as a table</source>
      <translation>Mostrar los datos del gráfico como tabla</translation>
    </message>
  </context>
  <context>
    <name>TrendsChart</name>
    <message>
      <source>1 year</source>
      <translation>1 año</translation>
    </message>
    <message>
      <source>30 days</source>
      <translation>30 días</translation>
    </message>
    <message>
      <source>7-day mean</source>
      <translation>Media de 7 días</translation>
    </message>
    <message>
      <source>90 days</source>
      <translation>90 días</translation>
    </message>
    <message>
      <source>All</source>
      <translation>Todo</translation>
    </message>
    <message>
      <source>Anxiety (0–10, 10 = worst), on the left mood scale</source>
      <translation>Ansiedad (0–10, 10 = la peor), en la escala de ánimo izquierda</translation>
    </message>
    <message>
      <source>Anxiety (left axis, 10 = worst)</source>
      <translation>Ansiedad (eje izquierdo, 10 = la peor)</translation>
    </message>
    <message>
      <source>Booster session</source>
      <translation>Sesión de booster</translation>
    </message>
    <message>
      <source>Daily mood</source>
      <translation>Ánimo diario</translation>
    </message>
    <message>
      <source>Daily mood and its 7-day mean over time, with treatment sessions as vertical lines and side effects as triangles below zero (red flags point up); PHQ-9 and GAD-7 totals on the right axis over the shaded PHQ-9 severity bands.</source>
      <translation>Ánimo diario y su media de 7 días a lo largo del tiempo, con las sesiones de tratamiento como líneas verticales y los efectos secundarios como triángulos bajo cero (las señales de alarma apuntan hacia arriba); los totales del PHQ-9 y del GAD-7 en el eje derecho sobre las bandas sombreadas de gravedad del PHQ-9.</translation>
    </message>
    <message>
      <source>Induction session</source>
      <translation>Sesión de inducción</translation>
    </message>
    <message>
      <source>Medication change</source>
      <translation>Cambio de medicación</translation>
    </message>
    <message>
      <source>Mood (0–10, 10 = best)</source>
      <translation>Ánimo (0–10, 10 = el mejor)</translation>
    </message>
    <message>
      <source>Mood (10 = best) · anxiety (10 = worst)</source>
      <translation>Ánimo (10 = el mejor) · ansiedad (10 = la peor)</translation>
    </message>
    <message>
      <source>Mood trend chart</source>
      <translation>Gráfico de evolución del ánimo</translation>
    </message>
    <message>
      <source>Mood · anxiety (0–10) · sleep (hours)</source>
      <translation>Ánimo · ansiedad (0–10) · sueño (horas)</translation>
    </message>
    <message>
      <source>PHQ-9 / GAD-7 total (0–27 / 0–21)</source>
      <translation>Total PHQ-9 / GAD-7 (0–27 / 0–21)</translation>
    </message>
    <message>
      <source>Planned session</source>
      <translation>Sesión planificada</translation>
    </message>
    <message>
      <source>Range:</source>
      <translation>Periodo:</translation>
    </message>
    <message>
      <source>Red-flag side effect</source>
      <translation>Efecto secundario con señal de alarma</translation>
    </message>
    <message>
      <source>Show PHQ-9 / GAD-7</source>
      <translation>Mostrar PHQ-9 / GAD-7</translation>
    </message>
    <message>
      <source>Show PHQ-9 and GAD-7 totals</source>
      <translation>Mostrar los totales del PHQ-9 y del GAD-7</translation>
    </message>
    <message>
      <source>Show all data</source>
      <translation>Mostrar todos los datos</translation>
    </message>
    <message>
      <source>Show anxiety</source>
      <translation>Mostrar ansiedad</translation>
    </message>
    <message>
      <source>Show anxiety line</source>
      <translation>Mostrar la línea de ansiedad</translation>
    </message>
    <message>
      <source>Show sleep</source>
      <translation>Mostrar sueño</translation>
    </message>
    <message>
      <source>Show sleep hours</source>
      <translation>Mostrar las horas de sueño</translation>
    </message>
    <message>
      <source>Show the last 30 days</source>
      <translation>Mostrar los últimos 30 días</translation>
    </message>
    <message>
      <source>Show the last 90 days</source>
      <translation>Mostrar los últimos 90 días</translation>
    </message>
    <message>
      <source>Show the last year</source>
      <translation>Mostrar el último año</translation>
    </message>
    <message>
      <source>Side effect</source>
      <translation>Efecto secundario</translation>
    </message>
    <message>
      <source>Sleep (hours, left axis)</source>
      <translation>Sueño (horas, eje izquierdo)</translation>
    </message>
    <message>
      <source>Sleep in hours, on the left scale (it grows past 10 for long nights)</source>
      <translation>Sueño en horas, en la escala izquierda (supera el 10 en las noches largas)</translation>
    </message>
    <message>
      <source>sleep (hours)</source>
      <translation>sueño (horas)</translation>
    </message>
    <message>
      <source>{axis}, on the right axis. {definition}.</source>
      <translation>{axis}, en el eje derecho. {definition}.</translation>
    </message>
    <message>
      <source>{title} total (right axis, 0–{top})</source>
      <translation>Total {title} (eje derecho, 0–{top})</translation>
    </message>
  </context>
  <context>
    <name>Year</name>
    <message numerus="yes">
      <source>%n day(s) with a mood entry</source>
      <translation>
        <numerusform>%n día con registro de ánimo</numerusform>
        <numerusform>%n días con registro de ánimo</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n session day(s).</source>
      <translation>
        <numerusform>%n día de sesión.</numerusform>
        <numerusform>%n días de sesión.</numerusform>
      </translation>
    </message>
    <message>
      <source>&amp;Year:</source>
      <translation>Añ&amp;o:</translation>
    </message>
    <message>
      <source>, a session day</source>
      <translation>, un día de sesión</translation>
    </message>
    <message>
      <source>, slept {hours} h</source>
      <translation>, durmió {hours} h</translation>
    </message>
    <message>
      <source>Arrow keys: up and down a day, left and right a month.</source>
      <translation>Flechas: arriba y abajo un día, izquierda y derecha un mes.</translation>
    </message>
    <message>
      <source>Entries of the chosen day</source>
      <translation>Registros del día elegido</translation>
    </message>
    <message>
      <source>Mood 0</source>
      <translation>Ánimo 0</translation>
    </message>
    <message>
      <source>No entries on this day.</source>
      <translation>No hay registros este día.</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>Año</translation>
    </message>
    <message>
      <source>Year in pixels</source>
      <translation>Año en píxeles</translation>
    </message>
    <message>
      <source>daily mood {step}</source>
      <translation>ánimo diario {step}</translation>
    </message>
    <message>
      <source>no mood entry</source>
      <translation>sin registro de ánimo</translation>
    </message>
    <message>
      <source>{time}  mood {score}</source>
      <translation>{time}  ánimo {score}</translation>
    </message>
    <message>
      <source>{time}  session ({phase}, {route})</source>
      <translation>{time}  sesión ({phase}, {route})</translation>
    </message>
  </context>
</TS>
