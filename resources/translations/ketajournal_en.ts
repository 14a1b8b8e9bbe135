<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
  <context>
    <name>Appointment</name>
    <message numerus="yes">
      <source>Wrote a PDF of %n page(s): {name}.</source>
      <translation>
        <numerusform>Wrote a PDF of %n page: {name}.</numerusform>
        <numerusform>Wrote a PDF of %n pages: {name}.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Import</name>
    <message numerus="yes">
      <source>Choose a score for %n mood label(s) first.</source>
      <translation>
        <numerusform>Choose a score for %n mood label first.</numerusform>
        <numerusform>Choose a score for %n mood labels first.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Operations</name>
    <message numerus="yes">
      <source> to %n CSV file(s).</source>
      <translation>
        <numerusform> to %n CSV file.</numerusform>
        <numerusform> to %n CSV files.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Backed up %n entry(s) to {file} (encrypted).</source>
      <translation>
        <numerusform>Backed up %n entry to {file} (encrypted).</numerusform>
        <numerusform>Backed up %n entries to {file} (encrypted).</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Exported %n FHIR resource(s) to {file}.</source>
      <translation>
        <numerusform>Exported %n FHIR resource to {file}.</numerusform>
        <numerusform>Exported %n FHIR resources to {file}.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Exported %n entry(s)</source>
      <translation>
        <numerusform>Exported %n entry</numerusform>
        <numerusform>Exported %n entries</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Exported %n entry(s) to {file}.</source>
      <translation>
        <numerusform>Exported %n entry to {file}.</numerusform>
        <numerusform>Exported %n entries to {file}.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Today</name>
    <message numerus="yes">
      <source>Today so far: %n mood entry(s).</source>
      <translation>
        <numerusform>Today so far: %n mood entry.</numerusform>
        <numerusform>Today so far: %n mood entries.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>TrendHover</name>
    <message numerus="yes">
      <source>daily mean of %n entry(s)</source>
      <translation>
        <numerusform>daily mean of %n entry</numerusform>
        <numerusform>daily mean of %n entries</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Year</name>
    <message numerus="yes">
      <source>%n day(s) with a mood entry</source>
      <translation>
        <numerusform>%n day with a mood entry</numerusform>
        <numerusform>%n days with a mood entry</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n session day(s).</source>
      <translation>
        <numerusform>%n session day.</numerusform>
        <numerusform>%n session days.</numerusform>
      </translation>
    </message>
  </context>
</TS>
