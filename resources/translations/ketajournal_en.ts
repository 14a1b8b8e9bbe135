<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
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
