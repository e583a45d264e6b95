package org.pzvo.server; public class Main { public static void main(String[] a){} }
