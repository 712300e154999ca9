export default function Page() {
  return <p>sentry-expected-errors framework matrix</p>;
}
