# Sourced by the long bench scripts, after they set `root` (the repository) and `work` (a scratch
# folder): builds when needed, then defines `lgc`, which runs a snapshot of the jars in $work/build,
# so that a rebuild of the checkout during a long run changes nothing. `lgc_java` is the same command
# as an array, for wrappers such as /usr/bin/time.
"$root/lgc" --version >/dev/null
snap="$work/build"
rm -rf "$snap" && mkdir -p "$snap"
cp -r "$root/lgc-cli/target/lgc.jar" "$root/lgc-cli/target/lib" "$snap/"
source "$root/tools/native-env.sh"
lgc_java=(java -Djava.awt.headless=true -Dai.djl.offline=true -Dai.djl.pytorch.num_threads="$(nproc)"
  -Dai.djl.pytorch.num_interop_threads=1 -cp "$snap/lgc.jar:$snap/lib/*" io.lgc.cli.Main)
lgc() {
  "${lgc_java[@]}" "$@"
}
