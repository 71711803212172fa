package io.imagegate.demo; public final class Main { public static void main(String[] a){} }
