#define BOOST_TEST_MODULE foundation
#include <boost/test/unit_test.hpp>
