<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CatalogPane</name>
    <message numerus="yes">
        <source>Exported %n book(s).</source>
        <translation>
            <numerusform>Exported %n book.</numerusform>
            <numerusform>Exported %n books.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Counts</name>
    <message numerus="yes">
        <source>%n+ book(s)</source>
        <translation>
            <numerusform>%n+ book</numerusform>
            <numerusform>%n+ books</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n book(s)</source>
        <translation>
            <numerusform>%n book</numerusform>
            <numerusform>%n books</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LedgerView</name>
    <message numerus="yes">
        <source>Saved %n balance entry(s) to %1.</source>
        <translation>
            <numerusform>Saved %n balance entry to %1.</numerusform>
            <numerusform>Saved %n balance entries to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrdersPane</name>
    <message numerus="yes">
        <source>Saved %n shipment(s).</source>
        <translation>
            <numerusform>Saved %n shipment.</numerusform>
            <numerusform>Saved %n shipments.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Marked %n order(s) shipped.</source>
        <translation>
            <numerusform>Marked %n order shipped.</numerusform>
            <numerusform>Marked %n orders shipped.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled %n order(s).</source>
        <translation>
            <numerusform>Cancelled %n order.</numerusform>
            <numerusform>Cancelled %n orders.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportsPane</name>
    <message numerus="yes">
        <source>%n paid order(s), %1</source>
        <translation>
            <numerusform>%n paid order, %1</numerusform>
            <numerusform>%n paid orders, %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SalesChart</name>
    <message numerus="yes">
        <source>%1: %n order(s), %2</source>
        <translation>
            <numerusform>%1: %n order, %2</numerusform>
            <numerusform>%1: %n orders, %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WaitingList</name>
    <message numerus="yes">
        <source>Marked %n order(s) shipped.</source>
        <translation>
            <numerusform>Marked %n order shipped.</numerusform>
            <numerusform>Marked %n orders shipped.</numerusform>
        </translation>
    </message>
</context>
</TS>
