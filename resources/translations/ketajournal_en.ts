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
</TS>
